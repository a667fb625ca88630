package dev.finflow.eventstore.observability;

import io.micrometer.context.ContextRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * The correlation id in every service's log context: from the HTTP request ({@link CorrelationWebFilter}) and from
 * the metadata of each command and event Axon handles ({@link CorrelationLogContext}). With
 * {@code spring.reactor.context-propagation=auto} Reactor restores the MDC entry from the subscriber context on
 * every thread that works for the request; the accessor registered here tells it how.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationLogContext.KEY,
                () -> MDC.get(CorrelationLogContext.KEY),
                value -> MDC.put(CorrelationLogContext.KEY, value),
                () -> MDC.remove(CorrelationLogContext.KEY));
    }

    @Bean
    WebFilter correlationWebFilter() {
        return new CorrelationWebFilter();
    }

    /** Axon-configured event processors and the command bus; hand-built processors register it themselves. */
    @Bean
    ConfigurerModule correlationLogContext() {
        return configurer -> {
            configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                    (configuration, processor) -> new CorrelationLogContext()));
            configurer.onInitialize(configuration -> configuration.onStart(Phase.INSTRUCTION_COMPONENTS,
                    () -> configuration.commandBus().registerHandlerInterceptor(new CorrelationLogContext())));
        };
    }
}
