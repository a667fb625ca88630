package dev.finflow.ml;

import dev.finflow.runtime.store.BufferingEventStorageEngine;
import dev.finflow.runtime.store.PollingEventSource;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The ml projections' event processors: each group reads the store on its own schedule (see
 * {@link PollingEventSource}) and keeps its token in {@code ml.token_entry}. An event a handler cannot handle
 * becomes a dead letter of its symbol or account ({@code ml.dead_letter_entry}), never skipped silently nor retried
 * forever; a transient failure rolls the batch back and retries it.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * The processing groups of this service (features + price anomalies + monitoring; ledger anomalies; the
     * accounts' grants, which decide who reads ledger anomalies).
     */
    static final List<String> GROUPS = List.of("features", "ledger-anomalies", "account-access");

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, BufferingEventStorageEngine storage,
                             DeadLetteringProcessors deadLetters,
                             @Value("${finflow.ml.poll-interval:PT0.2S}") Duration interval,
                             @Value("${finflow.ml.batch-size:200}") int batchSize) {
        for (String group : GROUPS) {
            // One segment: a symbol's bars must be applied in order, and one thread keeps up with daily bars.
            deadLetters.register(processing, group, storage, interval, 1, batchSize);
        }
    }
}
