package dev.finflow.command.transfers.process;

import dev.finflow.runtime.store.PollingEventSource;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import org.axonframework.config.EventProcessingConfigurer;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    /**
     * The process reads the store on its own schedule. A step that fails transiently (database down, timeout) is
     * retried, not logged and skipped as Axon does by default: the processor backs off and delivers the event
     * again. An event whose step fails for good becomes a dead letter of its account (command.dead_letter_entry).
     */
    @Autowired
    void configureProcess(EventProcessingConfigurer processing, BufferingEventStorageEngine storage,
                          DeadLetteringProcessors deadLetters) {
        // Reads the store in batches every 100 ms instead of tailing every commit (see PollingEventSource).
        deadLetters.register(processing, TransferProcess.NAME, storage, Duration.ofMillis(100), 4, 100);
    }
}
