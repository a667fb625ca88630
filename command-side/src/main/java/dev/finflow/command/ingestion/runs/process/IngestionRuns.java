package dev.finflow.command.ingestion.runs.process;

import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.events.ingestion.FinishIngestionRunCommand;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.MetadataKeys;
import jakarta.annotation.PreDestroy;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts ingestion runs (by hand, on schedule, for gaps): records the start, then executes the run in the
 * background. A repeated start of the same run records nothing and executes nothing, so a retried request or a
 * double-fired schedule is harmless.
 */
@Component
public class IngestionRuns {

    private static final Logger log = LoggerFactory.getLogger(IngestionRuns.class);

    /** The answer to a start: the run, the position of its started event, and whether it had started before. */
    public record Started(String runId, long position, boolean alreadyStarted) {
    }

    private final CommandDispatcher dispatcher;
    private final RunExecution execution;
    private final ExecutorService runs;

    IngestionRuns(CommandDispatcher dispatcher, RunExecution execution, RunProperties properties) {
        this.dispatcher = dispatcher;
        this.execution = execution;
        this.runs = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "ingestion-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Mono<Started> start(StartIngestionRunCommand command, MetaData metaData) {
        return dispatcher.send(command, metaData).map(recorded -> {
            if (!recorded.alreadyDone()) {
                // The run goes on after the request: its events keep the requester as principal and name the actor.
                MetaData acting = metaData.and(MetadataKeys.ACTOR, "command-side/ingestion");
                runs.execute(() -> run(command, acting));
            }
            return new Started(command.runId(), recorded.position(), recorded.alreadyDone());
        });
    }

    private void run(StartIngestionRunCommand command, MetaData metaData) {
        try {
            execution.execute(command, metaData);
        } catch (RuntimeException failure) {
            log.error("ingestion run {} broke off", command.runId(), failure);
            try {
                dispatcher.send(new FinishIngestionRunCommand(command.runId(), command.symbols(),
                        "the run broke off: " + failure), metaData).block();
            } catch (RuntimeException alsoFailed) {
                log.error("could not record the end of run {}", command.runId(), alsoFailed);
            }
        }
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }

}
