package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The freshness check found the newest bar older than the calendar says it should be. */
@Revision("1")
public record PricesWentStaleEvent(Symbol symbol, LocalDate newestBar, LocalDate expectedLatest,
                                   LocalDate checkedOn) implements EffectiveDated {

    @Override
    public LocalDate effectiveDate() {
        return checkedOn;
    }
}
