package dev.finflow.command.transfers;

import dev.finflow.eventstore.PollingEventSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import dev.finflow.eventstore.BufferingEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    /**
     * The process reads the store on its own schedule, and a failed step (database down, timeout) is retried,
     * not logged and skipped as Axon does by default: propagating the error makes the processor back off and
     * deliver the event again.
     */
    @Autowired
    void configureProcess(EventProcessingConfigurer processing, BufferingEventStorageEngine storage) {
        // Reads the store in batches every 100 ms instead of tailing every commit (see PollingEventSource).
        processing.registerPooledStreamingEventProcessor(TransferProcess.NAME,
                configuration -> new PollingEventSource(storage, Duration.ofMillis(100)),
                (configuration, builder) -> builder.initialSegmentCount(4).batchSize(100));
        processing.registerListenerInvocationErrorHandler(TransferProcess.NAME,
                configuration -> PropagatingErrorHandler.instance());
    }
}
