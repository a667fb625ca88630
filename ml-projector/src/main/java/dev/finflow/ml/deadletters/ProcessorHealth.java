package dev.finflow.ml.deadletters;

import dev.finflow.eventstore.deadletters.DeadLetteringProcessors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The ml processors in the readiness group: dead letters leave it UP with a DEGRADED detail (one poison event must
 * not take every replica out of service) and the count per processor.
 */
@Component("processors")
class ProcessorHealth implements HealthIndicator {

    private final DeadLetteringProcessors processors;

    ProcessorHealth(DeadLetteringProcessors processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = processors.counts();
        Health.Builder health = Health.up().withDetail("deadLetters", counts);
        if (counts.values().stream().anyMatch(count -> count > 0)) {
            health.withDetail("state", "DEGRADED");
        }
        return health.build();
    }
}
