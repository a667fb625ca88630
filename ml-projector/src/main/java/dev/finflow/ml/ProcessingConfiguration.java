package dev.finflow.ml;

import dev.finflow.eventstore.PollingEventSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import dev.finflow.eventstore.BufferingEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The ml projections' event processors: each group reads the store on its own schedule (see
 * {@link PollingEventSource}) and keeps its token in {@code ml.token_entry}. A failing event is retried, never
 * skipped: Axon's default would log it and move the token on, losing a bar from the features for good.
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
                             @Value("${finflow.ml.poll-interval:PT0.2S}") Duration interval,
                             @Value("${finflow.ml.batch-size:200}") int batchSize) {
        for (String group : GROUPS) {
            // One segment: a symbol's bars must be applied in order, and one thread keeps up with daily bars.
            processing.registerPooledStreamingEventProcessor(group,
                    configuration -> new PollingEventSource(storage, interval),
                    (configuration, builder) -> builder.initialSegmentCount(1).batchSize(batchSize));
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
