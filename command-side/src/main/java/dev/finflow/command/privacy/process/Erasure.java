package dev.finflow.command.privacy.process;

import dev.finflow.events.privacy.PersonErasedEvent;
import dev.finflow.runtime.keys.PersonKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

/**
 * Erases a person: appends {@link PersonErasedEvent} to the stream {@code person/<id>} and deletes the person's
 * key, in one transaction, so the audit trail records every erasure that happened and only those.
 */
@Component
public class Erasure {

    /** The erased person's key was deleted ({@code keyDeleted}), or they had none (already erased, or never sealed). */
    public record Erased(String personId, long position, boolean keyDeleted) {
    }

    private final EventStore eventStore;
    private final PersonKeys keys;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    Erasure(EventStore eventStore, PersonKeys keys, PlatformTransactionManager transactions, DataSource dataSource) {
        this.eventStore = eventStore;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Erased erase(String personId, MetaData metaData) {
        String stream = "person/" + personId;
        String eventId = UUID.randomUUID().toString();
        boolean deleted = Boolean.TRUE.equals(transaction.execute(status -> {
            long next = eventStore.lastSequenceNumberFor(stream).map(last -> last + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>("person", stream, next,
                    new PersonErasedEvent(personId), metaData, eventId, Instant.now()));
            return keys.delete(personId);
        }));
        Long position = jdbc.queryForObject(
                "select global_index from events.domain_event_entry where event_identifier = ?", Long.class, eventId);
        return new Erased(personId, position == null ? 0 : position, deleted);
    }
}
