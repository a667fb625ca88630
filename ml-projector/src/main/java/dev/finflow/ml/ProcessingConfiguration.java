package dev.finflow.ml;

import dev.finflow.eventstore.BufferingEventStorageEngine;
import dev.finflow.eventstore.PollingEventSource;
import dev.finflow.eventstore.deadletters.DeadLetteringProcessors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The ml projections' event processors: each group reads the store on its own schedule (see
 * {@link PollingEventSource}) and keeps its token in {@code ml.token_entry}. An event a handler cannot handle
 * becomes a dead letter of its symbol or account ({@code ml.dead_letter_entry}), never skipped silently nor retried
 * forever; a transient failure rolls the batch back and retries it.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /** The processing groups of this service (features + price anomalies + monitoring; ledger anomalies). */
    static final List<String> GROUPS = List.of("features", "ledger-anomalies");

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, BufferingEventStorageEngine storage,
                             DeadLetteringProcessors deadLetters,
                             @Value("${finflow.ml.poll-interval:PT0.2S}") Duration interval,
                             @Value("${finflow.ml.batch-size:200}") int batchSize) {
        for (String group : GROUPS) {
            processing.registerEventProcessor(group, (name, configuration, handlers) -> {
                ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                        new CustomizableThreadFactory("ml-" + name + "-coordinator-"));
                ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                        new CustomizableThreadFactory("ml-" + name + "-worker-"));
                configuration.onShutdown(coordinator::shutdown);
                configuration.onShutdown(worker::shutdown);
                return PooledStreamingEventProcessor.builder()
                        .name(name)
                        .eventHandlerInvoker(deadLetters.wrap(name, handlers))
                        .messageSource(new PollingEventSource(storage, interval))
                        .tokenStore(configuration.getComponent(TokenStore.class))
                        .transactionManager(configuration.getComponent(TransactionManager.class))
                        .coordinatorExecutor(coordinator)
                        .workerExecutor(worker)
                        // One segment: a symbol's bars must be applied in order, and one thread keeps up.
                        .initialSegmentCount(1)
                        .batchSize(batchSize)
                        .errorHandler(PropagatingErrorHandler.instance())
                        .build();
            });
            // A handler's failure reaches the dead-lettering invoker instead of being logged and skipped.
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
