package dev.finflow.runtime.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * One read model. Declare it as a Spring bean and the query side runs it: its own Axon pooled streaming
 * processor ({@code <name>@v<version>}) with its own token in {@code query.token_entry}, reading the event store
 * through {@link dev.finflow.runtime.store.PollingEventSource}. To add one:
 * <ol>
 *     <li>create each table in {@link #tables()} as {@code query.<table>_template} in a Flyway migration under
 *     {@code db/query} (with its indexes); every version gets a copy {@code <table>_v<n>};</li>
 *     <li>implement {@link #apply}: it receives a whole batch of events (in global order within a segment) and
 *     writes with {@code jdbc}, ideally with one JDBC batch per table. It runs inside the transaction that also
 *     stores the processor's token, so each event is applied exactly once, even across crashes and restarts;</li>
 *     <li>read with R2DBC from {@link ProjectionCatalog#tables(String)}, which names the active version's tables
 *     (a rebuild fills the next version beside it and swaps in one step).</li>
 * </ol>
 * Time comes from the events (their recorded time and effective date), never from the clock, so a rebuild
 * gives the same rows as the live run.
 */
public interface Projection {

    /** The name in URLs, metrics and processor names, e.g. {@code holdings}. */
    String name();

    /** Base names of the tables one version of this projection owns. */
    List<String> tables();

    /**
     * True when the projection must see all events in one global order (it combines events of several
     * aggregates, e.g. splits of an instrument with trades of accounts): it then runs on one segment.
     * Otherwise events are split over segments by aggregate, and instances share the segments.
     */
    default boolean needsGlobalOrder() {
        return false;
    }

    /**
     * Indexes of the templates (named as in their migration) that {@link #apply} never reads through. A rebuild
     * fills its tables without them and builds them once it has caught up, in one pass each, which costs about half
     * as much as keeping them up to date row by row. An index the writes look rows up by must not be listed:
     * without it every batch would scan the table, nor a unique one (it settles redelivery).
     */
    default List<String> indexesBuiltLast() {
        return List.of();
    }

    /** True for the event types this projection reads; the others are skipped (their position still counts). */
    boolean handles(Class<?> payloadType);

    /** Applies a batch of events in the caller's transaction. Must write nothing for an event applied before. */
    void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc);
}
