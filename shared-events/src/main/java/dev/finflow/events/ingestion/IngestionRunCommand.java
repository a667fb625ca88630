package dev.finflow.events.ingestion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one {@code IngestionRun} aggregate, whose identifier is {@code ingestion-run/<runId>}. */
public interface IngestionRunCommand {

    String runId();

    @TargetAggregateIdentifier
    default String ingestionRunId() {
        return aggregateId(runId());
    }

    static String aggregateId(String runId) {
        return "ingestion-run/" + runId;
    }
}
