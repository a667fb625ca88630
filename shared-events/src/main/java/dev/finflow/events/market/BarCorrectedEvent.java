package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A stored bar was revised: a provider sent different values for a date already recorded, or a person corrected
 * it. Keeps what was known before ({@code previous}) beside what replaces it.
 */
@Revision("1")
public record BarCorrectedEvent(Symbol symbol,
                                String runId,
                                String source,
                                Bar previous,
                                Bar corrected,
                                Verdict verdict,
                                List<Finding> findings,
                                String reason) implements EffectiveDated {

    public BarCorrectedEvent {
        findings = List.copyOf(findings);
    }

    @Override
    public LocalDate effectiveDate() {
        return corrected.date();
    }
}
