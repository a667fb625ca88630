package dev.finflow.runtime.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness of the projections ({@code projections} in the readiness group). Dead letters leave it UP with a
 * DEGRADED detail: one poison event must not take every replica out of service. It is DOWN only while a projection
 * is stalled: events wait and none was applied for {@code finflow.query.projections.stall-timeout}.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    private final ProjectionMonitor monitor;

    ProjectionHealth(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        List<ProjectionStatus> statuses = monitor.statuses();
        Map<String, String> states = new TreeMap<>();
        statuses.forEach(status -> states.put(status.name(), status.stalled() ? "STALLED" : status.state()));
        List<String> stalled = statuses.stream().filter(ProjectionStatus::stalled).map(ProjectionStatus::name)
                .toList();
        List<String> degraded = statuses.stream().filter(s -> s.deadLetters() > 0).map(ProjectionStatus::name)
                .toList();
        Health.Builder health = stalled.isEmpty() ? Health.up() : Health.down().withDetail("stalled", stalled);
        if (!degraded.isEmpty()) {
            health.withDetail("state", "DEGRADED").withDetail("degraded", degraded);
        }
        return health.withDetail("projections", states).build();
    }
}
