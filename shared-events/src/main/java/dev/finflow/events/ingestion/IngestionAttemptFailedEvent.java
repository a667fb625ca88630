package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

/** One attempt failed (HTTP status, timeout, unreadable body...), and what the run did next. */
@Revision("1")
public record IngestionAttemptFailedEvent(String runId, Symbol symbol, String provider, int attempt, String cause,
                                          NextStep nextStep) {
}
