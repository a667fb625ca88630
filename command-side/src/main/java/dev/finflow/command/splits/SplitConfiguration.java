package dev.finflow.command.splits;

import dev.finflow.eventstore.PollingEventSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import dev.finflow.eventstore.BufferingEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class SplitConfiguration {

    /**
     * One segment, so splits and trades are seen in the order they were stored; a failed delivery is retried
     * (the error propagates and the processor backs off), never skipped.
     */
    @Autowired
    void configureProcess(EventProcessingConfigurer processing, BufferingEventStorageEngine storage) {
        processing.registerPooledStreamingEventProcessor(SplitDistribution.NAME,
                configuration -> new PollingEventSource(storage, Duration.ofMillis(100)),
                (configuration, builder) -> builder.initialSegmentCount(1).batchSize(100));
        processing.registerListenerInvocationErrorHandler(SplitDistribution.NAME,
                configuration -> PropagatingErrorHandler.instance());
    }
}
