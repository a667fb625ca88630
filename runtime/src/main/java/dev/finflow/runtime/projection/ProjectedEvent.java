package dev.finflow.runtime.projection;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.serialization.UnreadableEventException;
import dev.finflow.runtime.store.GlobalIndex;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.UnknownSerializedType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * An event as projections see it: its global position in the store, identity, aggregate, when it was recorded,
 * its payload and all its stored metadata (as read: with the position under {@link GlobalIndex#KEY}, which
 * {@link #storedMetaData()} leaves out). The position is the event's own global index, not its tracking
 * token's position: after a late commit the token's is a higher event's, and the event would be dropped as that
 * event's duplicate.
 */
public record ProjectedEvent(long position, String eventId, String aggregateId, long sequenceNumber,
                             Instant recordedAt, Object payload, Map<String, ?> metaData) {

    /** Fails for an event this version cannot read: a revision it does not know, or a type (then a dead letter). */
    static ProjectedEvent of(EventMessage<?> message) {
        if (message.getPayloadType() == UnknownSerializedType.class) {
            throw UnreadableEventException.type(((UnknownSerializedType) message.getPayload()).serializedType());
        }
        long position = GlobalIndex.of(message);
        String aggregate = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new ProjectedEvent(position, message.getIdentifier(), aggregate, sequence, message.getTimestamp(),
                payload(message), message.getMetaData());
    }

    /** The payload; a serializer's refusal (e.g. a revision this version does not know) is thrown as itself. */
    private static Object payload(EventMessage<?> message) {
        try {
            return message.getPayload();
        } catch (SerializationException e) {
            throw e.getCause() instanceof SerializationException refusal ? refusal : e;
        }
    }

    /** The metadata as the event was stored, without the position the read adds to it. */
    public Map<String, ?> storedMetaData() {
        if (!metaData.containsKey(GlobalIndex.KEY)) {
            return metaData;
        }
        Map<String, Object> stored = new HashMap<>(metaData);
        stored.remove(GlobalIndex.KEY);
        return stored;
    }

    /** The simple type name shown to users, e.g. {@code TradeRecordedEvent}. */
    public String type() {
        return payload.getClass().getSimpleName();
    }

    public String meta(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    public String principal() {
        return meta(MetadataKeys.PRINCIPAL);
    }

    /** The business date: the payload's own, else the metadata's, else the UTC date it was recorded. */
    public LocalDate effectiveDate() {
        if (payload instanceof EffectiveDated dated && dated.effectiveDate() != null) {
            return dated.effectiveDate();
        }
        String meta = meta(MetadataKeys.EFFECTIVE_DATE);
        return meta != null ? LocalDate.parse(meta) : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
    }
}
