package dev.finflow.command.ingestion.runs.process;

import dev.finflow.command.ingestion.providers.ProviderData;
import dev.finflow.command.ingestion.providers.ProviderFailure;
import dev.finflow.command.ingestion.providers.Providers;
import dev.finflow.events.values.Symbol;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * One call to a provider, guarded: its circuit breaker first (open, the call fails at once as
 * {@code CIRCUIT_OPEN}, costing no token and no wait), then a token of its rate, then the fetch, whose outcome
 * the breaker records. Every failure comes out as a {@link ProviderFailure}.
 */
@Component
class ProviderCalls {

    private final Providers providers;
    private final ProviderRates rates;

    ProviderCalls(Providers providers, ProviderRates rates) {
        this.providers = providers;
        this.rates = rates;
    }

    /** Whether {@code name}'s breaker is open now, so that a call would fail at once. */
    boolean open(String name) {
        return providers.find(name).map(entry -> entry.breaker().getState() == CircuitBreaker.State.OPEN)
                .orElse(false);
    }

    ProviderData fetch(String name, Symbol symbol, LocalDate from, LocalDate to) {
        Providers.Entry entry = providers.find(name).orElseThrow(() -> new ProviderFailure(name,
                ProviderFailure.Kind.CLIENT_ERROR, "no provider " + name + " is configured"));
        CircuitBreaker breaker = entry.breaker();
        if (!breaker.tryAcquirePermission()) {
            throw new ProviderFailure(name, ProviderFailure.Kind.CIRCUIT_OPEN, "circuit " + breaker.getState()
                    + ": not called while it is failing");
        }
        try {
            rates.acquire(name, entry.rate());
        } catch (InterruptedException interrupted) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a token of " + name, interrupted);
        }
        long start = System.nanoTime();
        try {
            ProviderData data = entry.provider().fetch(symbol, from, to);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return data;
        } catch (RuntimeException thrown) {
            ProviderFailure failure = thrown instanceof ProviderFailure typed ? typed
                    : new ProviderFailure(name, ProviderFailure.Kind.MALFORMED, thrown.toString(), null, thrown);
            // Recorded as a failure only if it says the provider is down (ProviderCircuits), else as a success.
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            throw failure;
        }
    }
}
