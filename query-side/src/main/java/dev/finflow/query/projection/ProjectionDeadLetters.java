package dev.finflow.query.projection;

import dev.finflow.eventstore.deadletters.DeadLetters;
import dev.finflow.eventstore.deadletters.ProcessorDeadLetters;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The dead letters of every projection processor ({@code query.dead_letter_entry}, one queue per
 * {@code <projection>@v<n>}), and the admin operations on those of the version readers use.
 */
public final class ProjectionDeadLetters {

    private final ProjectionCatalog catalog;
    private final ConnectionProvider connections;
    private final TransactionManager axonTransactions;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, ProcessorDeadLetters> queues = new ConcurrentHashMap<>();

    ProjectionDeadLetters(ProjectionCatalog catalog, ConnectionProvider connections,
                          TransactionManager axonTransactions, Serializer serializer, JdbcTemplate jdbc,
                          TransactionTemplate transaction) {
        this.catalog = catalog;
        this.connections = connections;
        this.axonTransactions = axonTransactions;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public List<ProcessorDeadLetters.Letter> list(String projection) {
        return of(catalog.tables(projection)).list();
    }

    /** Applies the dead letters of {@code sequence} again; empty when it has none. */
    public Optional<ProcessorDeadLetters.Retry> retry(String projection, String sequence) {
        TableSet tables = catalog.tables(projection);
        return of(tables).retry(sequence, applier(tables));
    }

    /** Removes the dead letter of event {@code eventId} unapplied and records it; empty when there is none. */
    public Optional<ProcessorDeadLetters.Letter> evict(String projection, String eventId, String principal,
                                                       String reason) {
        TableSet tables = catalog.tables(projection);
        return of(tables).evict(eventId, principal, reason, applier(tables));
    }

    /** Dead letters per processor. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select processing_group, count(*) from query.dead_letter_entry group by processing_group",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    ProcessorDeadLetters of(TableSet tables) {
        return queues.computeIfAbsent(tables.processorName(), name -> new ProcessorDeadLetters(TableSet.SCHEMA, name,
                DeadLetters.queue(TableSet.SCHEMA, name, connections, axonTransactions, serializer), jdbc,
                transaction));
    }

    /** Applies events to {@code tables} as the projection's processor does. */
    Consumer<List<EventMessage<?>>> applier(TableSet tables) {
        Projection projection = catalog.projection(tables.projection()).orElseThrow();
        return events -> projection.apply(events.stream().map(ProjectedEvent::of).toList(), tables, jdbc);
    }
}
