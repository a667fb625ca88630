package dev.finflow.command.ingestion.providers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured providers by name, with each one's rate and circuit breaker, and the default order a run tries
 * them in.
 */
public final class Providers {

    /** A provider, the request rate it allows, and the breaker that stops calling it while it is down. */
    public record Entry(MarketDataProvider provider, ProviderProperties.Rate rate, CircuitBreaker breaker) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<String> defaultOrder;

    public Providers(List<Entry> entries, List<String> defaultOrder) {
        entries.forEach(entry -> byName.put(entry.provider().name(), entry));
        this.defaultOrder = defaultOrder.stream().filter(byName::containsKey).toList();
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public List<String> defaultOrder() {
        return defaultOrder;
    }
}
