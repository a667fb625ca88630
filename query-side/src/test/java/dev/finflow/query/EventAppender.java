package dev.finflow.query;

import dev.finflow.events.MetadataKeys;
import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.runtime.projection.ProjectionCatalog;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Appends events to the store the way the command side does (through Axon's event store, with the principal and
 * correlation metadata a request carries), so query-side tests need no command side.
 */
@Component
public class EventAppender {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    EventAppender(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Appends {@code payload} as the next event of {@code aggregateId}; answers its global position. */
    public long append(String aggregateType, String aggregateId, Object payload, String principal,
                       String correlationId) {
        return append(aggregateType, aggregateId, payload, principal, correlationId, Map.of());
    }

    /** {@link #append(String, String, Object, String, String)} with more metadata (e.g. a trace context). */
    public long append(String aggregateType, String aggregateId, Object payload, String principal,
                       String correlationId, Map<String, String> more) {
        Long last = jdbc.queryForObject("select max(sequence_number) from events.domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.PRINCIPAL, principal);
        meta.put(MetadataKeys.CORRELATION_ID, correlationId);
        meta.put(MetadataKeys.CAUSATION_ID, UUID.randomUUID().toString());
        meta.put(MetadataKeys.SOURCE, "api");
        meta.putAll(more);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                MetaData.from(meta)).andMetaData(Map.of()));
        return jdbc.queryForObject("select global_index from events.domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", Long.class, aggregateId, sequence);
    }

    /** Waits (up to 20 s) for asynchronous projection work. */
    /** Waits until every projection of the catalog has applied the event at {@code position}. */
    public void awaitAllApplied(ProjectionCatalog catalog, long position) {
        await(() -> catalog.projections().stream().allMatch(p -> TokenPositions.appliedThrough(
                jdbc.queryForList("select token from query.token_entry where processor_name = ?", String.class,
                        catalog.tables(p.name()).processorName())) >= position));
    }

    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
