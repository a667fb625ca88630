package dev.finflow.runtime.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The state of each projection as Prometheus sees it: {@code finflow_projection_state{projection, state}} is 1 for
 * the state the projection is in and 0 for the others, registered for every projection and state at start, so an
 * alert on {@code state="DEGRADED"} has a series (at 0) before anything goes wrong. The state is whatever
 * {@link ProjectionMonitor} last observed; before its first observation every state reads 0.
 */
@Component
class ProjectionStateGauges {

    /** Every state {@link ProjectionStatus#state()} takes. */
    static final List<String> STATES = List.of("LIVE", "REBUILDING", "DEGRADED");

    ProjectionStateGauges(ProjectionMonitor monitor, List<Projection> projections, MeterRegistry meters) {
        for (Projection projection : projections) {
            for (String state : STATES) {
                Gauge.builder("finflow.projection.state", () -> monitor.status(projection.name())
                                .filter(status -> state.equals(status.state())).isPresent() ? 1 : 0)
                        .description("1 for the state the projection is in").tag("projection", projection.name())
                        .tag("state", state).register(meters);
            }
        }
    }
}
