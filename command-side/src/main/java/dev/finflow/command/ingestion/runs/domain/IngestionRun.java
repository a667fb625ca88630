package dev.finflow.command.ingestion.runs.domain;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.events.ingestion.FinishIngestionRunCommand;
import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCommand;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunFailedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.RecordAttemptFailureCommand;
import dev.finflow.events.ingestion.RecordRunProgressCommand;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.values.Symbol;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static dev.finflow.command.problems.CommandRule.*;
import static dev.finflow.problems.RequestRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One ingestion run: what it set out to fetch, each symbol's outcome, each failed attempt and how it ended. The
 * fetching itself happens outside (in {@link RunExecution}); the run only records, so its history is the audit
 * of what was tried. A run id names one run: starting it again with the same content is a no-op.
 */
@Aggregate(commandTargetResolver = "commandTargetResolver")
public class IngestionRun {

    @AggregateIdentifier
    private String id;
    private IngestionRunStartedEvent started;
    private Set<Symbol> progressed = new HashSet<>();
    private int barsReceived;
    private boolean finished;

    protected IngestionRun() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(StartIngestionRunCommand command) {
        if (id != null) {
            if (started.equals(startedBy(command))) {
                return CommandOutcome.repeated(id, 0);
            }
            throw new RuleViolation(INGESTION_RUN_CONFLICT, "run " + command.runId()
                    + " was started before for other symbols, dates or providers", "runId");
        }
        if (command.symbols().isEmpty()) {
            throw new RuleViolation(MISSING_FIELD, "a run needs at least one symbol", "symbols");
        }
        if (command.from() == null || command.to() == null || command.from().isAfter(command.to())) {
            throw new RuleViolation(INVALID_DATE_RANGE, "from must be on or before to", "from");
        }
        if (command.providers().isEmpty()) {
            throw new RuleViolation(MISSING_FIELD, "a run needs at least one provider", "providers");
        }
        apply(startedBy(command));
        return CommandOutcome.recorded(command.ingestionRunId(), 0);
    }

    @CommandHandler
    CommandOutcome handle(RecordAttemptFailureCommand command) {
        requireRunning(command.runId());
        requireSymbol(command.symbol());
        apply(new IngestionAttemptFailedEvent(command.runId(), command.symbol(), command.provider(),
                command.attempt(), command.cause(), command.nextStep()));
        return CommandOutcome.recorded(id, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(RecordRunProgressCommand command) {
        requireSymbol(command.symbol());
        if (progressed.contains(command.symbol())) {
            return CommandOutcome.repeated(id, AggregateLifecycle.getVersion());
        }
        requireRunning(command.runId());
        apply(new IngestionRunProgressedEvent(command.runId(), command.symbol(), command.provider(),
                command.received(), command.accepted(), command.flagged(), command.rejected(), command.duplicates(),
                command.corrected()));
        return CommandOutcome.recorded(id, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(FinishIngestionRunCommand command) {
        if (finished) {
            return CommandOutcome.repeated(id, AggregateLifecycle.getVersion());
        }
        if (command.failedSymbols().isEmpty()) {
            apply(new IngestionRunCompletedEvent(command.runId(), started.symbols().size(), barsReceived));
        } else {
            apply(new IngestionRunFailedEvent(command.runId(), command.failedSymbols(), command.cause()));
        }
        return CommandOutcome.recorded(id, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(IngestionRunStartedEvent event) {
        id = IngestionRunCommand.aggregateId(event.runId());
        started = event;
    }

    @EventSourcingHandler
    void on(IngestionRunProgressedEvent event) {
        progressed.add(event.symbol());
        barsReceived += event.received();
    }

    @EventSourcingHandler
    void on(IngestionRunCompletedEvent event) {
        finished = true;
    }

    @EventSourcingHandler
    void on(IngestionRunFailedEvent event) {
        finished = true;
    }

    private static IngestionRunStartedEvent startedBy(StartIngestionRunCommand command) {
        return new IngestionRunStartedEvent(command.runId(), command.trigger(), command.watchlist(),
                command.symbols(), command.from(), command.to(), command.providers());
    }

    private void requireRunning(String runId) {
        if (finished) {
            throw new RuleViolation(INGESTION_RUN_FINISHED, "run " + runId + " has finished");
        }
    }

    private void requireSymbol(Symbol symbol) {
        if (!started.symbols().contains(symbol)) {
            throw new RuleViolation(UNKNOWN_RUN_SYMBOL, symbol + " is not part of run " + started.runId(),
                    "symbol");
        }
    }
}
