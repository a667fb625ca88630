package dev.finflow.command.transfers;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    /**
     * A failed step (database down, timeout) must be retried, not logged and skipped as Axon does by default:
     * propagating the error makes the processor back off and deliver the event again.
     */
    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(TransferProcess.NAME,
                configuration -> PropagatingErrorHandler.instance());
    }
}
