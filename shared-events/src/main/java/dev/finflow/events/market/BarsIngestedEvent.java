package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * New bars were kept, each with its verdict ({@code ACCEPTED} or {@code FLAGGED} with findings), in date order.
 * One event per batch: the verdict of every bar is recorded here, with the run and source that produced it.
 * Duplicates of stored bars produce nothing; revisions are {@link BarCorrectedEvent}s; rejects are
 * {@link BarsQuarantinedEvent}s.
 */
@Revision("1")
public record BarsIngestedEvent(Symbol symbol, String runId, String source, List<IngestedBar> bars)
        implements EffectiveDated {

    public BarsIngestedEvent {
        bars = List.copyOf(bars);
    }

    /** The newest bar's date. */
    @Override
    public LocalDate effectiveDate() {
        return bars.stream().map(b -> b.bar().date()).max(Comparator.naturalOrder()).orElse(null);
    }
}
