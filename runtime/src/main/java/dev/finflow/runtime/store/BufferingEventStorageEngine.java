package dev.finflow.runtime.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Axon's JDBC event storage, able to hold back the events appended on a thread and write them all in one batch
 * insert. A writer that commits many commands in one transaction (the command side's commit groups) buffers
 * their appends and flushes them once, instead of one database round trip per command. Without an open buffer
 * it appends exactly like {@link JdbcEventStorageEngine}.
 * <p>
 * Reading for event processors differs from Axon's in two ways. Each event carries its own global index (see
 * {@link GlobalIndex}). And a gap in the global index (an index taken by a transaction not yet committed) is
 * closed only when the {@link HighWaterMark} proves it a hole, never after Axon's time-out on event timestamps,
 * its count of later events ({@code maxGapOffset}) or its gap cleaning: those dropped events that committed late.
 * Text holding a NUL character reaches processors escaped (see {@link NulText}), as PostgreSQL text cannot hold it.
 */
public final class BufferingEventStorageEngine extends JdbcEventStorageEngine {

    private final ThreadLocal<List<EventMessage<?>>> buffer = new ThreadLocal<>();
    private final HighWaterMark highWater;
    /** The high-water mark taken before the read in progress on this thread (so it is safe for that read). */
    private final ThreadLocal<Long> settledForRead = new ThreadLocal<>();

    BufferingEventStorageEngine(Builder builder, HighWaterMark highWater) {
        super(builder);
        this.highWater = highWater;
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

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        settledForRead.set(highWater.settledThrough());
        try {
            return super.fetchTrackedEvents(lastToken, batchSize);
        } finally {
            settledForRead.remove();
        }
    }

    /**
     * The event as Axon reads it (its entry, with no aggregate when the identifiers are the same), our token, and the
     * event's own index in its metadata. Axon's own reading would also work out a token of its own (parsing the
     * timestamp for its gap time-out) that is not used here.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long index = resultSet.getLong(schema.globalIndexColumn());
        String aggregate = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventId = resultSet.getString(schema.eventIdentifierColumn());
        Long settled = settledForRead.get();
        TrackingToken token = Gaps.advance(previousToken, index, settled == null ? 0 : settled);
        // The stored timestamp text as it is: StoredEntry parses it when asked.
        return new TrackedDomainEventData<>(token, new StoredEntry(resultSet.getString(schema.typeColumn()),
                eventId.equals(aggregate) ? null : aggregate, resultSet.getLong(schema.sequenceNumberColumn()),
                eventId, String.valueOf(readTimeStamp(resultSet, schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                NulText.escape((String) readPayload(resultSet, schema.payloadColumn())),
                GlobalIndex.addTo(NulText.escape((String) readPayload(resultSet, schema.metaDataColumn())), index)));
    }

    /** As Axon's, but the gaps go as one array parameter: a long-running writer can leave more than 32,767. */
    @Override
    protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
                                                      List<Long> gaps) throws SQLException {
        String index = schema().globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + trackedEventFields() + " FROM "
                + schema().domainEventTable() + " WHERE (" + index + " > ? AND " + index + " <= ?) OR " + index
                + " = ANY(?) ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        Array array = connection.createArrayOf("bigint", gaps.toArray());
        statement.setArray(3, array);
        return statement;
    }

    /** The highest committed global index, at most {@code maxAgeNanos} old (one query per period per process). */
    public long committedHead(long maxAgeNanos) {
        return highWater.committedHead(maxAgeNanos);
    }

    /**
     * {@code token} without the gaps that the high-water mark proves to be holes (taken, never committed); the
     * same token when there are none. For a processor that has read everything and waits on gaps.
     */
    public TrackingToken skipHoles(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return token;
        }
        SortedSet<Long> holes = highWater.holesAmong(gapAware.getGaps());
        if (holes.isEmpty()) {
            return token;
        }
        SortedSet<Long> gaps = new TreeSet<>(gapAware.getGaps());
        gaps.removeAll(holes);
        return GapAwareTrackingToken.newInstance(gapAware.getIndex(), gaps);
    }
}
