package dev.finflow.runtime.deadletters;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Wraps the event handlers of an Axon processor so that an event they cannot handle becomes a dead letter of its
 * sequence ({@link ProcessorDeadLetters}) instead of stalling the processor: each event is handled in a savepoint of
 * the batch's transaction. For processors whose handlers are annotated beans (ml-projector, the command side's
 * processes), where the query side's projections take whole batches.
 * <p>
 * Every event is accepted, also those no handler wants: the processor then stores its token with every batch, so
 * its stored position (what {@code ProcessorMonitor} reads) reaches the head instead of waiting behind the last
 * event it handled, and a processor that is merely idle is never taken for a stalled one.
 */
public final class DeadLetteringInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final ProcessorDeadLetters deadLetters;
    private final String resourceKey;

    public DeadLetteringInvoker(EventHandlerInvoker delegate, ProcessorDeadLetters deadLetters) {
        this.delegate = delegate;
        this.deadLetters = deadLetters;
        this.resourceKey = "finflow.dead-letters.blocked." + deadLetters.processor();
    }

    /** Applies events to the handlers, as a retry does: each in its own unit of work, outside any segment. */
    public Consumer<List<EventMessage<?>>> applier() {
        return events -> events.forEach(event -> DefaultUnitOfWork.startAndGet(event)
                .execute(() -> handleQuietly(event, Segment.ROOT_SEGMENT)));
    }

    /** Every event, so that every segment stores its token with every batch; {@link #handle} picks its own. */
    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return true;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return true;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) {
        if (!delegate.canHandle(message, segment)) {
            return; // another segment's event, or one no handler wants: it only moves this segment's token
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> blocked = root.getOrComputeResource(resourceKey, key -> deadLetters.blockedSequences());
        deadLetters.applyOrDeadLetter(message, blocked, () -> handleQuietly(message, segment));
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }

    private void handleQuietly(EventMessage<?> message, Segment segment) {
        try {
            delegate.handle(message, segment);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("handler of " + message.getPayloadType().getSimpleName() + " failed", e);
        }
    }
}
