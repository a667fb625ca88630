package dev.finflow.command.ingestion.providers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds each provider's circuit breaker (resilience4j) and exports its state. A breaker lives in this JVM: every
 * run of the instance shares it, another replica keeps its own. Only failures that say the provider is down count
 * ({@link ProviderFailure.Kind#providerDown()}); any other answer counts as a successful call.
 */
final class ProviderCircuits {

    private ProviderCircuits() {
    }

    static CircuitBreakerConfig config(ProviderProperties.Circuit circuit) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(circuit.failureRateThreshold())
                .minimumNumberOfCalls(circuit.minimumCalls())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.slidingWindow())
                .waitDurationInOpenState(circuit.waitInOpenState())
                // Half-open by itself when the wait is over, so the gauge does not show OPEN until the next run.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(failure -> failure instanceof ProviderFailure provider
                        && provider.kind().providerDown())
                .build();
    }

    /** The breaker of {@code provider}, its state gauge registered at once (0 closed, 1 open, 2 half-open). */
    static CircuitBreaker of(String provider, CircuitBreakerConfig config, MeterRegistry meters) {
        CircuitBreaker breaker = CircuitBreaker.of(provider, config);
        Gauge.builder("finflow.provider.circuit.state", breaker, b -> b.getState().getOrder())
                .description("the provider's circuit breaker: 0 closed, 1 open, 2 half-open")
                .tag("provider", provider).register(meters);
        return breaker;
    }
}
