package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.TokenPositions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures each projection against the store after every reconciliation (from the stored tokens, so it sees the
 * work of all instances), keeps the result for the admin API, readiness and gauges; and swaps a rebuilt copy in
 * once it has caught up with the live one. A projection is stalled when events wait and its position has not moved
 * for the stall timeout (seen by this instance, whichever instance owns the segments).
 */
public final class ProjectionMonitor {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMonitor.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final ProjectionDeadLetters deadLetters;
    private final Duration stallTimeout;
    private final Map<String, ProjectionStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private volatile Map<String, Long> positions = Map.of();

    /** The last position seen of a processor, and since when it has been there. */
    private record Progress(long position, Instant since) {
    }

    ProjectionMonitor(JdbcTemplate jdbc, MeterRegistry meters, ProjectionDeadLetters deadLetters,
                      Duration stallTimeout) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.stallTimeout = stallTimeout;
    }

    public List<ProjectionStatus> statuses() {
        return statuses.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<ProjectionStatus> status(String projection) {
        return Optional.ofNullable(statuses.get(projection));
    }

    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from events.domain_event_entry",
                Long.class);
        return head == null ? -1 : head;
    }

    /** Reads every processor's applied position from the stored tokens (processor name to position). */
    Map<String, Long> readPositions() {
        Map<String, List<String>> tokens = new HashMap<>();
        jdbc.query("select processor_name, token from query.token_entry", rs -> {
            tokens.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
        });
        Map<String, Long> applied = new HashMap<>();
        tokens.forEach((processor, list) -> applied.put(processor, TokenPositions.appliedThrough(list)));
        positions = applied;
        return applied;
    }

    void observe(ProjectionCatalog catalog) {
        readPositions();
        long head = head();
        Map<String, Long> letters = deadLetters.counts();
        Instant now = Instant.now();
        for (Projection projection : catalog.projections()) {
            catalog.versions(projection.name()).ifPresent(row -> {
                String processor = TableSet.processorName(projection.name(), row.active());
                long position = positionOf(projection.name(), row.active());
                ProjectionStatus.Rebuild rebuild = row.building() == null ? null
                        : rebuild(row, positionOf(projection.name(), row.building()), head);
                long deadLetterCount = letters.getOrDefault(processor, 0L);
                String state = deadLetterCount > 0 ? "DEGRADED" : rebuild == null ? "LIVE" : "REBUILDING";
                ProjectionStatus status = new ProjectionStatus(projection.name(), row.active(), position, head,
                        Math.max(0, head - position), lagSeconds(position, head), state, deadLetterCount,
                        stalled(processor, position, head, now), rebuild);
                if (statuses.put(projection.name(), status) == null) {
                    register(projection.name());
                }
            });
        }
    }

    void swapCaughtUpRebuilds(ProjectionCatalog catalog) {
        for (ProjectionStatus status : statuses.values()) {
            if (catalog.versions(status.name()).map(ProjectionCatalog.Versions::autoSwap).orElse(false)) {
                swapIfCaughtUp(catalog, status.name());
            }
        }
    }

    /**
     * Swaps the rebuilt copy in if it has applied at least as much as the live one (readers never go back in
     * time); answers whether it did.
     */
    boolean swapIfCaughtUp(ProjectionCatalog catalog, String projection) {
        ProjectionStatus status = statuses.get(projection);
        ProjectionCatalog.Versions row = catalog.versions(projection).orElse(null);
        if (status == null || row == null || row.building() == null || status.rebuild() == null
                || status.rebuild().version() != row.building()) {
            return false;
        }
        long built = positionOf(projection, row.building());
        long live = positionOf(projection, row.active());
        if (built < live || !catalog.indexesComplete(catalog.tableSet(projection, row.building()))) {
            return false;
        }
        log.info("projection {}: rebuilt version {} caught up at {}, swapping it in", projection, row.building(),
                built);
        return catalog.swap(projection, row.building());
    }

    private boolean stalled(String processor, long position, long head, Instant now) {
        Progress last = progress.get(processor);
        if (last == null || last.position() != position || position >= head) {
            progress.put(processor, new Progress(position, now));
            return false;
        }
        return Duration.between(last.since(), now).compareTo(stallTimeout) >= 0;
    }

    private long positionOf(String projection, int version) {
        return positions.getOrDefault(TableSet.processorName(projection, version), TokenPositions.NONE);
    }

    private ProjectionStatus.Rebuild rebuild(ProjectionCatalog.Versions row, long done, long head) {
        Instant started = row.rebuildStartedAt() == null ? Instant.now() : row.rebuildStartedAt();
        double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        long eventsDone = Math.max(0, done);
        double rate = eventsDone / seconds;
        Double eta = rate > 0 ? Math.max(0, head - done) / rate : null;
        return new ProjectionStatus.Rebuild(row.building(), done, head, rate, eta, started);
    }

    /** Seconds since the oldest event this projection has not applied yet was recorded. */
    private double lagSeconds(long position, long head) {
        if (position >= head) {
            return 0;
        }
        List<String> next = jdbc.queryForList("select time_stamp from events.domain_event_entry where "
                + "global_index > ? order by global_index limit 1", String.class, position);
        if (next.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.parse(next.get(0)), Instant.now()).toMillis() / 1000.0);
    }

    private void register(String projection) {
        Gauge.builder("finflow.projection.lag.events", () -> value(projection, s -> (double) s.lagEvents()))
                .description("events stored but not yet applied").tag("projection", projection).register(meters);
        Gauge.builder("finflow.projection.lag.seconds", () -> value(projection, ProjectionStatus::lagSeconds))
                .description("age of the oldest event not yet applied").tag("projection", projection)
                .baseUnit("seconds").register(meters);
        Gauge.builder("finflow.projection.position", () -> value(projection, s -> (double) s.position()))
                .description("global position applied").tag("projection", projection).register(meters);
        Gauge.builder("finflow.projection.rebuild.events.done",
                        () -> value(projection, s -> s.rebuild() == null ? 0.0 : s.rebuild().eventsDone()))
                .description("events applied by a running rebuild").tag("projection", projection).register(meters);
        Gauge.builder("finflow.projection.rebuild.events.per.second",
                        () -> value(projection, s -> s.rebuild() == null ? 0.0 : s.rebuild().eventsPerSecond()))
                .description("rate of a running rebuild").tag("projection", projection).register(meters);
        Gauge.builder("finflow.processor.dead.letters", () -> value(projection, s -> (double) s.deadLetters()))
                .description("events put aside because they could not be applied, and those queued behind them")
                .tag("projection", projection).register(meters);
        Gauge.builder("finflow.processor.stalled", () -> value(projection, s -> s.stalled() ? 1.0 : 0.0))
                .description("1 while events wait and none was applied for the stall timeout")
                .tag("projection", projection).register(meters);
    }

    private double value(String projection, java.util.function.ToDoubleFunction<ProjectionStatus> metric) {
        ProjectionStatus status = statuses.get(projection);
        return status == null ? Double.NaN : metric.applyAsDouble(status);
    }
}
