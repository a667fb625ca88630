package dev.finflow.auth.audit;

import dev.finflow.events.MetadataKeys;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.store.EventTables;
import dev.finflow.runtime.store.SchemaMigrations;
import dev.finflow.runtime.store.UniqueViolationResolver;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends identity events (users, sign-ins) to Finflow's event store, so the audit trail shows them beside
 * everything else. Axon's JDBC storage engine with the store's serializer and tables; a caller's open transaction
 * is joined, so a user and the event that records its creation commit together. The principal is an opaque id,
 * never a username.
 */
@Component
public class IdentityEvents {

    private static final int ATTEMPTS = 5;
    private static final String SOURCE = "auth-server";

    private final JdbcEventStorageEngine store;

    IdentityEvents(DataSource dataSource) {
        // The auth server may start before every other service: the events schema must be there to append to.
        SchemaMigrations.migrateEvents(dataSource);
        store = JdbcEventStorageEngine.builder()
                .snapshotSerializer(EventJson.serializer())
                .eventSerializer(EventJson.serializer())
                .persistenceExceptionResolver(new UniqueViolationResolver())
                .connectionProvider(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventTables.schema())
                .dataType(String.class)
                .build();
    }

    /** The stream of everything that happened to one user. */
    public static String userStream(String userId) {
        return "user/" + userId;
    }

    /** A stream of its own for a sign-in that names no known user (the typed name is never recorded). */
    public static String anonymousSignInStream() {
        return "sign-in/" + UUID.randomUUID();
    }

    /**
     * Appends {@code payloads} as the next events of {@code stream}, with one correlation id; {@code principal}
     * (who acted, from a verified identity) may be null. A sequence number taken by a concurrent writer is
     * retried, unless a transaction is open (PostgreSQL has aborted it: the caller's work fails whole).
     */
    public void record(String stream, String principal, Object... payloads) {
        for (int attempt = 1; ; attempt++) {
            try {
                long next = store.lastSequenceNumberFor(stream).map(last -> last + 1).orElse(0L);
                store.appendEvents(messages(stream, next, principal, payloads));
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw raced;
                }
            }
        }
    }

    private static List<EventMessage<?>> messages(String stream, long first, String principal, Object[] payloads) {
        Map<String, Object> meta = new HashMap<>();
        if (principal != null) {
            meta.put(MetadataKeys.PRINCIPAL, principal);
        }
        meta.put(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        meta.put(MetadataKeys.SOURCE, SOURCE);
        meta.put(MetadataKeys.RECORDED_AT, Instant.now().toString());
        String type = stream.substring(0, stream.indexOf('/'));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>(type, stream, first + i, payloads[i], MetaData.from(meta)));
        }
        return messages;
    }
}
