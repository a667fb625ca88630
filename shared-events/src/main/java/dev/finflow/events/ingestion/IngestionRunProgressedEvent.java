package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

/** One symbol of a run is done, fetched from {@code provider}, with the counts of what its bars became. */
@Revision("1")
public record IngestionRunProgressedEvent(String runId, Symbol symbol, String provider, int received, int accepted,
                                          int flagged, int rejected, int duplicates, int corrected) {
}
