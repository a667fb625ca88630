package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.HolesSkipped;
import dev.finflow.runtime.deadletters.DeadLetters;
import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import dev.finflow.runtime.observability.EventTracing;
import io.micrometer.core.instrument.Counter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a projection the events of one processor batch at once, just before the batch's transaction commits.
 * Axon calls this once per event inside a batch unit of work whose transaction also stores the token; the events
 * are collected on that unit of work and applied in its prepare-commit phase, so the projection's writes and the
 * token commit or roll back together (exactly once) and can be sent as JDBC batches.
 * <p>
 * Every event of the segment is accepted, also those the projection ignores: the processor then stores its token
 * after every batch, so the position a reader waits for ({@code minPosition}) is reached without delay.
 * <p>
 * An event the projection cannot apply becomes a dead letter of its account or symbol, and the later events of
 * that sequence queue behind it ({@link ProcessorDeadLetters}); the rest of the batch is applied. So does an event
 * of a type or revision this version cannot read (a newer writer's, during a rolling upgrade): never skipped.
 */
final class ProjectionInvoker implements EventHandlerInvoker {

    private final Projection projection;
    private final ProcessorDeadLetters deadLetters;
    private final Consumer<List<EventMessage<?>>> apply;
    private final Counter applied;
    private final EventTracing tracing;
    private final String resourceKey;

    ProjectionInvoker(Projection projection, TableSet tables, ProcessorDeadLetters deadLetters,
                      Consumer<List<EventMessage<?>>> apply, Counter applied, EventTracing tracing) {
        this.projection = projection;
        this.tracing = tracing;
        this.deadLetters = deadLetters;
        this.apply = apply;
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
        // The payload type only: deserializing here would stall the processor on an event it cannot read.
        if (HolesSkipped.class.equals(event.getPayloadType())
                || !projection.needsGlobalOrder() && !segment.matches(DeadLetters.sequenceOf(event))) {
            return; // a marker or another segment's event: it only moves this segment's token
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<EventMessage<?>> batch = root.getOrComputeResource(resourceKey, key -> {
            List<EventMessage<?>> events = new ArrayList<>();
            root.onPrepareCommit(unit -> flush(events));
            return events;
        });
        if (takes(event)) {
            batch.add(event);
        }
    }

    /**
     * Whether the projection reads {@code event} (a type this version does not know may be one it reads after an
     * upgrade: it becomes a letter). A marker never.
     */
    boolean takes(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        return !HolesSkipped.class.equals(type)
                && (projection.handles(type) || type == UnknownSerializedType.class);
    }

    /**
     * Applies {@code events} (all taken) in the caller's transaction, in a span of the (first) trace they carry so
     * it joins the commands' traces; an event that fails becomes a dead letter.
     */
    void flush(List<EventMessage<?>> events) {
        if (!events.isEmpty()) {
            tracing.inSpan("project " + projection.name(), events,
                    () -> applied.increment(deadLetters.applyOrDeadLetter(events, apply)));
        }
    }
}
