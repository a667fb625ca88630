package dev.finflow.runtime.processors;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dead-lettering processors in the readiness group ({@code processors}). Dead letters leave it UP with a
 * DEGRADED detail and the count per processor: one poison event must not take every replica out of service. It is
 * DOWN only while a processor is stalled: events wait and none was applied for {@code finflow.processors.stall-timeout}.
 */
final class ProcessorHealth implements HealthIndicator {

    private final ProcessorMonitor monitor;

    ProcessorHealth(ProcessorMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        List<ProcessorStatus> statuses = monitor.statuses();
        Map<String, Long> deadLetters = new TreeMap<>();
        statuses.forEach(status -> deadLetters.put(status.name(), status.deadLetters()));
        List<String> stalled = statuses.stream().filter(ProcessorStatus::stalled).map(ProcessorStatus::name).toList();
        Health.Builder health = stalled.isEmpty() ? Health.up() : Health.down().withDetail("stalled", stalled);
        if (deadLetters.values().stream().anyMatch(count -> count > 0)) {
            health.withDetail("state", "DEGRADED");
        }
        return health.withDetail("deadLetters", deadLetters).build();
    }
}
