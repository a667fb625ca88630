package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

/** An instrument was registered; see {@link RegisterInstrumentCommand} for {@code baseCurrency}. */
@Revision("1")
public record InstrumentRegisteredEvent(Symbol symbol,
                                        String name,
                                        InstrumentType type,
                                        Currency currency,
                                        Currency baseCurrency,
                                        String exchange,
                                        LocalDate registeredOn) implements EffectiveDated {

    @Override
    public LocalDate effectiveDate() {
        return registeredOn;
    }
}
