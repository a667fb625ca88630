package dev.finflow.events.ingestion;

import org.axonframework.serialization.Revision;

/** Every symbol of the run was fetched. */
@Revision("1")
public record IngestionRunCompletedEvent(String runId, int symbols, int barsReceived) {
}
