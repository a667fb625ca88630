package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;

/** One attempt to fetch a symbol from a provider failed; {@code nextStep} says what the run does about it. */
public record RecordAttemptFailureCommand(String runId, Symbol symbol, String provider, int attempt, String cause,
                                          NextStep nextStep) implements IngestionRunCommand {
}
