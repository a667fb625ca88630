package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The run ended with symbols no provider could deliver; a failure notification (metric, webhook) follows. */
@Revision("1")
public record IngestionRunFailedEvent(String runId, List<Symbol> failedSymbols, String cause) {

    public IngestionRunFailedEvent {
        failedSymbols = List.copyOf(failedSymbols);
    }
}
