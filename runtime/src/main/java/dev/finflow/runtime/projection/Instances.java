package dev.finflow.runtime.projection;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The query-side instances running against one database, known by their heartbeats in
 * {@code query.instance_heartbeat}. Axon's pooled processor claims every free segment it sees, so without a limit
 * the first instance would take all work; each instance therefore claims at most its fair share
 * (segments / live instances, rounded up) and releases surplus segments when another instance joins. When an
 * instance stops (or its heartbeat and token claims time out), the others' share grows and they claim the rest.
 */
final class Instances {

    private final JdbcTemplate jdbc;
    private final String instanceId;
    private final Duration timeout;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int live = 1;

    Instances(JdbcTemplate jdbc, String instanceId, Duration timeout) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
        this.timeout = timeout;
    }

    /** Records that this instance is alive; answers how many instances are. */
    int heartbeat() {
        jdbc.update("insert into query.instance_heartbeat (instance_id, seen_at) values (?, now()) "
                + "on conflict (instance_id) do update set seen_at = now()", instanceId);
        Integer count = jdbc.queryForObject("select count(*) from query.instance_heartbeat where seen_at > now() - "
                + "make_interval(secs => ?)", Integer.class, (double) timeout.toMillis() / 1000);
        live = Math.max(1, count == null ? 1 : count);
        return live;
    }

    void leave() {
        jdbc.update("delete from query.instance_heartbeat where instance_id = ?", instanceId);
    }

    void register(String processor, int segmentCount) {
        segments.put(processor, segmentCount);
    }

    /** Axon asks this before claiming: the most segments this instance may hold of {@code processor}. */
    int maxSegments(String processor) {
        return share(segments.getOrDefault(processor, 1), live);
    }

    /** Lets go of segments above this instance's share, so that a newly joined instance can claim them. */
    void shareOut(StreamingEventProcessor processor, int segmentCount, int liveInstances) {
        int claimed = processor.processingStatus().size();
        int share = share(segmentCount, liveInstances);
        processor.processingStatus().keySet().stream().sorted((a, b) -> b - a).limit(Math.max(0, claimed - share))
                .forEach(segment -> processor.releaseSegment(segment, 5, TimeUnit.SECONDS));
    }

    static int share(int segmentCount, int liveInstances) {
        return (segmentCount + liveInstances - 1) / liveInstances;
    }

    String instanceId() {
        return instanceId;
    }
}
