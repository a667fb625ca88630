package dev.finflow.command.splits.config;

import dev.finflow.command.splits.process.SplitDistribution;
import dev.finflow.runtime.store.PollingEventSource;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import org.axonframework.config.EventProcessingConfigurer;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class SplitConfiguration {

    /**
     * One segment, so splits and trades are seen in the order they were stored; a delivery that fails transiently
     * is retried (the processor backs off), one that fails for good becomes a dead letter of its account or
     * instrument, never skipped silently.
     */
    @Autowired
    void configureProcess(EventProcessingConfigurer processing, BufferingEventStorageEngine storage,
                          DeadLetteringProcessors deadLetters) {
        deadLetters.register(processing, SplitDistribution.NAME, storage, Duration.ofMillis(100), 1, 100);
    }
}
