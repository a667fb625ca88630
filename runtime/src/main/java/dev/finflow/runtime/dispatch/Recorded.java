package dev.finflow.runtime.dispatch;

/**
 * The answer to an accepted command: which aggregate recorded it, and the event store's global position of the
 * last event that records it, which a client can hand to the query side to read its own write.
 *
 * @param alreadyDone true when an identical command was recorded before and nothing new was stored
 * @param report      the handler's report ({@link CommandOutcome#report()}), or null
 */
public record Recorded(String aggregateId, long sequenceNumber, long position, boolean alreadyDone, Object report) {

    public Recorded(String aggregateId, long sequenceNumber, long position, boolean alreadyDone) {
        this(aggregateId, sequenceNumber, position, alreadyDone, null);
    }

    /** The report, of the type the caller knows its command's handler answers with. */
    public <T> T report(Class<T> type) {
        return type.cast(report);
    }
}
