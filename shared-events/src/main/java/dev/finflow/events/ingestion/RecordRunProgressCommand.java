package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;

/** One symbol of a run is done: how many bars a provider returned and what became of them. */
public record RecordRunProgressCommand(String runId, Symbol symbol, String provider, int received, int accepted,
                                       int flagged, int rejected, int duplicates, int corrected)
        implements IngestionRunCommand {
}
