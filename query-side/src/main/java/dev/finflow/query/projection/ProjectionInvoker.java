package dev.finflow.query.projection;

import dev.finflow.eventstore.HolesSkipped;
import io.micrometer.core.instrument.Counter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands a projection the events of one processor batch at once, just before the batch's transaction commits.
 * Axon calls this once per event inside a batch unit of work whose transaction also stores the token; the events
 * are collected on that unit of work and applied in its prepare-commit phase, so the projection's writes and the
 * token commit or roll back together (exactly once) and can be sent as JDBC batches.
 * <p>
 * Every event of the segment is accepted, also those the projection ignores: the processor then stores its token
 * after every batch, so the position a reader waits for ({@code minPosition}) is reached without delay.
 */
final class ProjectionInvoker implements EventHandlerInvoker {

    private static final Logger log = LoggerFactory.getLogger(ProjectionInvoker.class);

    private final Projection projection;
    private final TableSet tables;
    private final JdbcTemplate jdbc;
    private final Counter applied;
    private final String resourceKey;

    ProjectionInvoker(Projection projection, TableSet tables, JdbcTemplate jdbc, Counter applied) {
        this.projection = projection;
        this.tables = tables;
        this.jdbc = jdbc;
        this.applied = applied;
        this.resourceKey = "finflow.projection." + tables.processorName();
    }

    /** Every event, so that every segment stores its token with every batch; {@link #handle} picks its own. */
    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return true;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return true;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) {
        if (event.getPayload() instanceof HolesSkipped
                || !projection.needsGlobalOrder() && !segment.matches(sequenceOf(event))) {
            return; // a marker or another segment's event: it only moves this segment's token
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<ProjectedEvent> batch = root.getOrComputeResource(resourceKey, key -> {
            List<ProjectedEvent> events = new ArrayList<>();
            root.onPrepareCommit(unit -> flush(events));
            return events;
        });
        if (projection.handles(event.getPayloadType())) {
            batch.add(ProjectedEvent.of(event));
        }
    }

    private void flush(List<ProjectedEvent> events) {
        if (!events.isEmpty()) {
            try {
                projection.apply(List.copyOf(events), tables, jdbc);
            } catch (RuntimeException e) {
                log.warn("{} could not apply events {} to {}; the batch is rolled back and retried",
                        tables.processorName(), events.get(0).position(), events.get(events.size() - 1).position(), e);
                throw e;
            }
            applied.increment(events.size());
        }
    }

    static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
