package dev.finflow.runtime.processors;

import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures each dead-lettering processor against the store once a second, from its stored tokens (so it sees the
 * work of every instance), and keeps the result for the admin API, readiness and the gauges. A processor is stalled
 * when events wait and its position has not moved for the stall timeout, as seen by this instance.
 */
public final class ProcessorMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMonitor.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    /** The last position seen of a processor, and since when it has been there. */
    private record Progress(long position, Instant since) {
    }

    private final String schema;
    private final JdbcTemplate jdbc;
    private final DeadLetteringProcessors processors;
    private final MeterRegistry meters;
    private final Duration stallTimeout;
    private final Map<String, ProcessorStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            new CustomizableThreadFactory("processor-monitor-"));

    public ProcessorMonitor(String schema, JdbcTemplate jdbc, DeadLetteringProcessors processors,
                            MeterRegistry meters, Duration stallTimeout) {
        this.schema = schema;
        this.jdbc = jdbc;
        this.processors = processors;
        this.meters = meters;
        this.stallTimeout = stallTimeout;
        schedule.scheduleWithFixedDelay(this::observeQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every processor as last observed, by name (readiness and gauges: no query per probe or scrape). */
    public List<ProcessorStatus> statuses() {
        return statuses.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Every processor as it stands now (the admin API: what an operator just did shows at once). */
    public List<ProcessorStatus> observedNow() {
        observe();
        return statuses();
    }

    synchronized void observe() {
        Map<String, List<String>> tokens = new HashMap<>();
        jdbc.query("select processor_name, token from " + schema + ".token_entry", rs -> {
            tokens.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Long stored = jdbc.queryForObject("select coalesce(max(global_index), -1) from events.domain_event_entry",
                Long.class);
        long head = stored == null ? -1 : stored;
        Map<String, Long> letters = processors.counts();
        Instant now = Instant.now();
        for (String name : processors.names()) {
            long position = TokenPositions.appliedThrough(tokens.getOrDefault(name, List.of()));
            long deadLetters = letters.getOrDefault(name, 0L);
            ProcessorStatus status = new ProcessorStatus(name, position, head, deadLetters > 0 ? "DEGRADED" : "LIVE",
                    deadLetters, stalled(name, position, head, now));
            if (statuses.put(name, status) == null) {
                Gauge.builder("finflow.processor.stalled", () -> statuses.get(name).stalled() ? 1.0 : 0.0)
                        .description("1 while events wait and none was applied for the stall timeout")
                        .tag("projection", name).register(meters);
            }
        }
    }

    private boolean stalled(String processor, long position, long head, Instant now) {
        Progress last = progress.get(processor);
        if (last == null || last.position() != position || position >= head) {
            progress.put(processor, new Progress(position, now));
            return false;
        }
        return Duration.between(last.since(), now).compareTo(stallTimeout) >= 0;
    }

    private void observeQuietly() {
        try {
            observe();
        } catch (RuntimeException e) {
            log.warn("could not observe the processors; trying again in {}", INTERVAL, e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
