package dev.finflow.command.ingestion.runs.process;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.command.ingestion.providers.ProviderData;
import dev.finflow.command.ingestion.providers.ProviderFailure;
import dev.finflow.events.ingestion.FinishIngestionRunCommand;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RecordAttemptFailureCommand;
import dev.finflow.events.ingestion.RecordRunProgressCommand;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Carries out a started run: for each symbol, the providers in order, each retried with backoff while its
 * failure is transient (and called through its circuit breaker and token bucket, {@link ProviderCalls}), then the
 * next provider; a provider whose breaker is open (or opens) is fallen back from at once. Every failed attempt is
 * recorded with what happens next, so a gap is never silent. When no provider delivers, the symbol is given up,
 * the run fails and the failure is announced.
 */
@Component
class RunExecution {

    private final CommandDispatcher dispatcher;
    private final ProviderCalls calls;
    private final RunProperties properties;
    private final InstrumentFeed feed;
    private final BarOutcomes outcomes;
    private final FailureNotifier notifier;
    private final CorporateActions actions;
    private final Backoff backoff;

    RunExecution(CommandDispatcher dispatcher, ProviderCalls calls, RunProperties properties, InstrumentFeed feed,
                 BarOutcomes outcomes, FailureNotifier notifier, CorporateActions actions) {
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.properties = properties;
        this.feed = feed;
        this.outcomes = outcomes;
        this.notifier = notifier;
        this.actions = actions;
        this.backoff = new Backoff(properties.retry(), new Random());
    }

    void execute(StartIngestionRunCommand run, MetaData metaData) {
        List<Symbol> failed = new ArrayList<>();
        String cause = null;
        for (Symbol symbol : run.symbols()) {
            String failure = ingest(run, symbol, metaData);
            if (failure != null) {
                failed.add(symbol);
                cause = failure;
            }
        }
        record(new FinishIngestionRunCommand(run.runId(), failed, cause), metaData);
        if (!failed.isEmpty()) {
            notifier.runFailed(new IngestionRunStartedEvent(run.runId(), run.trigger(), run.watchlist(),
                    run.symbols(), run.from(), run.to(), run.providers()), failed, cause);
        }
    }

    /** Fetches and feeds one symbol; null when done, else the last cause. */
    private String ingest(StartIngestionRunCommand run, Symbol symbol, MetaData metaData) {
        int attempt = 0;
        String cause = "no provider was tried";
        List<String> order = run.providers();
        for (int p = 0; p < order.size(); p++) {
            String name = order.get(p);
            NextStep onLasting = p < order.size() - 1 ? NextStep.FALLBACK : NextStep.GIVE_UP;
            for (int tryNo = 1; ; tryNo++) {
                attempt++;
                ProviderData data;
                try {
                    data = calls.fetch(name, symbol, run.from(), run.to());
                } catch (ProviderFailure failure) {
                    notifier.attemptFailed(name, failure.kind().name());
                    // A failure that opened the breaker is not retried: the retry would not be let through.
                    Duration wait = failure.retryable() && tryNo < properties.retry().maxAttempts()
                            && !calls.open(name) ? backoff.delay(tryNo, failure.retryAfter()) : null;
                    cause = failure.getMessage();
                    record(new RecordAttemptFailureCommand(run.runId(), symbol, name, attempt, cause,
                            wait != null ? NextStep.RETRY : onLasting), metaData);
                    if (wait == null) {
                        break;
                    }
                    sleep(wait);
                    continue;
                }
                return feed(run, symbol, name, data, attempt, metaData);
            }
        }
        return cause;
    }

    private String feed(StartIngestionRunCommand run, Symbol symbol, String provider, ProviderData data,
                        int attempt, MetaData metaData) {
        try {
            feed.send(run.runId(), symbol, provider, data.bars(), metaData);
        } catch (RuntimeException refused) {
            String cause = refused instanceof AggregateNotFoundException
                    ? "the instrument refused the bars: " + symbol + " is not registered (POST /api/v1/instruments)"
                    : refused instanceof RuleViolation rule
                    ? "the instrument refused the bars: " + rule.rule().id() + ": " + rule.getMessage()
                    : "the instrument refused the bars: " + refused;
            notifier.attemptFailed(provider, "REFUSED");
            record(new RecordAttemptFailureCommand(run.runId(), symbol, provider, attempt, cause, NextStep.GIVE_UP),
                    metaData);
            return cause;
        }
        actions.record(run.runId(), symbol, provider, data, metaData);
        BarOutcomes.Counts counts = outcomes.count(symbol, run.runId());
        int received = data.bars().size();
        record(new RecordRunProgressCommand(run.runId(), symbol, provider, received, counts.accepted(),
                counts.flagged(), counts.rejected(), counts.duplicatesOf(received), counts.corrected()), metaData);
        return null;
    }

    private void record(Object command, MetaData metaData) {
        dispatcher.send(command, metaData).block(properties.commandTimeout());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", interrupted);
        }
    }
}
