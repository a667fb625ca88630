package dev.finflow.runtime.projection;

import dev.finflow.events.serialization.UnreadableEventException;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import dev.finflow.runtime.store.GlobalIndex;
import dev.finflow.runtime.deadletters.DeadLetters;
import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The dead letters of every projection processor ({@code query.dead_letter_entry}, one queue per
 * {@code <projection>@v<n>}), and the admin operations on those of the version readers use.
 */
public final class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final ProjectionCatalog catalog;
    private final ConnectionProvider connections;
    private final TransactionManager axonTransactions;
    private final Serializer serializer;
    private final BufferingEventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, ProcessorDeadLetters> queues = new ConcurrentHashMap<>();

    ProjectionDeadLetters(ProjectionCatalog catalog, ConnectionProvider connections,
                          TransactionManager axonTransactions, Serializer serializer,
                          BufferingEventStorageEngine storage, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.storage = storage;
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
        return of(tables).retry(sequence, reapplier(tables));
    }

    /** Removes the dead letter of event {@code eventId} unapplied and records it; empty when there is none. */
    public Optional<ProcessorDeadLetters.Letter> evict(String projection, String eventId, String principal,
                                                       String reason) {
        TableSet tables = catalog.tables(projection);
        return of(tables).evict(eventId, principal, reason, reapplier(tables));
    }

    /**
     * Retries, in each projection's version readers use, the accounts and symbols whose first letter is an event an
     * older version could not read ({@link UnreadableEventException}): run at start, so that an upgraded service
     * picks up by itself what the old one put aside during a rolling upgrade. Letters still unreadable stay.
     */
    void retryUnreadable() {
        for (Projection projection : catalog.projections()) {
            if (catalog.versions(projection.name()).isEmpty()) {
                continue;
            }
            TableSet tables = catalog.tables(projection.name());
            List<String> sequences = jdbc.queryForList("select distinct sequence_identifier from "
                    + "query.dead_letter_entry where processing_group = ? and cause_type = ?", String.class,
                    tables.processorName(), UnreadableEventException.class.getName());
            for (String sequence : sequences) {
                of(tables).retry(sequence, reapplier(tables)).ifPresent(retry -> log.info(
                        "{}: letters of {} unreadable before, retried: {} applied, {} left", tables.processorName(),
                        sequence, retry.applied(), retry.remaining()));
            }
        }
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

    /**
     * Applies events to {@code tables} as the projection's processor does. An event of a type it does not read is
     * passed over (a letter of a type unknown before an upgrade may be one it does not read after).
     */
    Consumer<List<EventMessage<?>>> applier(TableSet tables) {
        Projection projection = catalog.projection(tables.projection()).orElseThrow();
        return events -> {
            List<ProjectedEvent> projected = events.stream().map(ProjectedEvent::of)
                    .filter(event -> projection.handles(event.payload().getClass())).toList();
            if (!projected.isEmpty()) {
                projection.apply(projected, tables, jdbc);
            }
        };
    }

    /**
     * Applies dead letters as their events read from the store now: through this version's upcasters and classes,
     * so a letter put aside by an older version that could not read it is applied as this one reads it.
     */
    private Consumer<List<EventMessage<?>>> reapplier(TableSet tables) {
        Consumer<List<EventMessage<?>>> apply = applier(tables);
        return letters -> apply.accept(letters.stream().<EventMessage<?>>map(this::stored).toList());
    }

    private EventMessage<?> stored(EventMessage<?> letter) {
        long position = GlobalIndex.of(letter);
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(
                GapAwareTrackingToken.newInstance(position - 1, List.of()), false)) {
            return events.filter(event -> event.getIdentifier().equals(letter.getIdentifier())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("event " + letter.getIdentifier() + " at "
                            + position + " is not in the store"));
        }
    }
}
