package dev.finflow.runtime.store;

import org.axonframework.eventhandling.EventMessage;

/**
 * An event's own global index in the store, as the event store hands it to event processors (in the event's
 * metadata, under {@link #KEY}). Use it, never {@code trackingToken().position()}: a gap-aware token's position is
 * the highest index read so far, so an event committed after a higher one would carry the higher one's position
 * (and a read model keyed by position would silently drop it as a duplicate).
 */
public final class GlobalIndex {

    /** The metadata key; added when an event is read for a processor, never stored. */
    public static final String KEY = "globalIndex";

    private GlobalIndex() {
    }

    /** The global index of {@code event}, read from the store by a tracking processor. */
    public static long of(EventMessage<?> event) {
        Object value = event.getMetaData().get(KEY);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value != null) {
            return Long.parseLong(value.toString());
        }
        throw new IllegalStateException("event " + event.getIdentifier() + " was not read from the event store");
    }

    /** The stored metadata JSON object with the index added last (so it wins over a stored key of that name). */
    static String addTo(String metaData, long index) {
        String json = metaData == null || metaData.isBlank() ? "{}" : metaData;
        int end = json.lastIndexOf('}');
        boolean empty = json.substring(json.indexOf('{') + 1, end).isBlank();
        return json.substring(0, end) + (empty ? "" : ",") + '"' + KEY + "\":" + index + '}';
    }
}
