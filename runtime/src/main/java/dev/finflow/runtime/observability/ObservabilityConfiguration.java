package dev.finflow.runtime.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * The correlation id in every service's log context: from the HTTP request ({@link CorrelationWebFilter}) and from
 * the metadata of each command and event Axon handles ({@link CorrelationLogContext}). The accessor registered here
 * tells Reactor how to restore the MDC entry from a request's Reactor context. The services restore thread-locals
 * only where they are needed ({@code spring.reactor.context-propagation: limited}): in Reactor's {@code handle} and
 * {@code tap} (the problem-details error log uses {@code handle}) and explicitly (the command dispatcher makes a
 * command with the request's span current). Restoring them on every signal ({@code auto}) cost a third of the
 * query side's R2DBC threads' allocation on its reads.
 * <p>
 * Traces: Micrometer Tracing over OpenTelemetry (Spring Boot's auto-configuration) gives every HTTP request a span
 * (continuing a W3C {@code traceparent} header) and puts {@code traceId} and {@code spanId} into the log context;
 * {@link EventTracing} carries the trace through the messages. Spans are exported over OTLP only when
 * {@code finflow.tracing.otlp-endpoint} names a collector.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
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

    /** Without tracing on the classpath's auto-configuration (or with it turned off): the no-op tracer. */
    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** The one setting that turns the export on; Boot's OTLP exporter then sends spans there over HTTP. */
    @Bean
    @ConditionalOnExpression("!'${finflow.tracing.otlp-endpoint:}'.isBlank()")
    OtlpTracingConnectionDetails otlpTracingConnectionDetails(TracingProperties tracing) {
        return transport -> tracing.otlpEndpoint();
    }

    /**
     * Axon-configured event processors and the command bus: the correlation id in the log context and the handling
     * in a span of the message's trace. Hand-built processors do it themselves.
     */
    @Bean
    ConfigurerModule correlationLogContext(EventTracing tracing) {
        return configurer -> {
            configurer.eventProcessing(processing -> processing
                    .registerDefaultHandlerInterceptor((configuration, processor) -> new CorrelationLogContext())
                    .registerDefaultHandlerInterceptor((configuration, processor) ->
                            new TracingHandlerInterceptor(tracing, processor)));
            configurer.onInitialize(configuration -> configuration.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
                configuration.commandBus().registerHandlerInterceptor(new CorrelationLogContext());
                configuration.commandBus().registerHandlerInterceptor(new TracingHandlerInterceptor(tracing, "handle"));
            }));
        };
    }
}
