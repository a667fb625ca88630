package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one {@code Instrument} aggregate, whose identifier is {@code instrument/<symbol>}. */
public interface InstrumentCommand {

    Symbol symbol();

    /** The aggregate identifier; prefixed so that it can never collide with an account's. */
    @TargetAggregateIdentifier
    default String instrumentId() {
        return instrumentId(symbol());
    }

    static String instrumentId(Symbol symbol) {
        return "instrument/" + symbol.value();
    }
}
