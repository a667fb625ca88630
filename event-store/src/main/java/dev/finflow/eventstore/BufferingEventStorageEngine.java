package dev.finflow.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;

/**
 * Axon's JDBC event storage, able to hold back the events appended on a thread and write them all in one batch
 * insert. A writer that commits many commands in one transaction (the command side's commit groups) buffers
 * their appends and flushes them once, instead of one database round trip per command. Without an open buffer
 * it behaves exactly like {@link JdbcEventStorageEngine}.
 */
public final class BufferingEventStorageEngine extends JdbcEventStorageEngine {

    private final ThreadLocal<List<EventMessage<?>>> buffer = new ThreadLocal<>();

    BufferingEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** From now on, appends made on this thread wait in a buffer until {@link #flush()} or {@link #discard()}. */
    public void startBuffering() {
        buffer.set(new ArrayList<>());
    }

    /** How many events wait in this thread's buffer: a mark to {@link #truncate(int)} back to. */
    public int buffered() {
        List<EventMessage<?>> events = buffer.get();
        return events == null ? 0 : events.size();
    }

    /** Forgets the events appended since {@code mark}, e.g. those of a batch that was refused half-way. */
    public void truncate(int mark) {
        List<EventMessage<?>> events = buffer.get();
        if (events != null && events.size() > mark) {
            events.subList(mark, events.size()).clear();
        }
    }

    /** Writes the buffered events in one batch insert (in the caller's transaction) and stops buffering. */
    public void flush() {
        List<EventMessage<?>> events = buffer.get();
        buffer.remove();
        if (events != null && !events.isEmpty()) {
            super.appendEvents(events, getEventSerializer());
        }
    }

    /** Stops buffering and drops what was buffered (the transaction is being rolled back). */
    public void discard() {
        buffer.remove();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<EventMessage<?>> pending = buffer.get();
        if (pending != null) {
            pending.addAll(events);
        } else {
            super.appendEvents(events, serializer);
        }
    }
}
