package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A cash dividend per unit went ex on {@code exDate}; dividend-adjusted prices honour it. */
@Revision("1")
public record CashDividendRecordedEvent(Symbol symbol, LocalDate exDate, Money amountPerUnit, String source)
        implements EffectiveDated {

    @Override
    public LocalDate effectiveDate() {
        return exDate;
    }
}
