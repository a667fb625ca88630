package dev.finflow.runtime.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a commit group decides, evicts every cached aggregate of the group that another replica has written to
 * since it was cached: one query for the store's last sequence number of each. The unique (aggregate, sequence)
 * key would catch such a write anyway, but only at commit, failing the whole group and running each of its
 * commands again alone; with several replicas writing the same accounts that was nearly every group. A write
 * that lands between this check and the commit is still caught by the key.
 */
@Component
class StaleCacheCheck {

    private static final String QUERY = "select aggregate_identifier, max(sequence_number)"
            + " from events.domain_event_entry where aggregate_identifier = any(?) group by aggregate_identifier";

    private final JdbcTemplate jdbc;
    private final List<AggregateCache> caches;
    private final Counter evicted;

    StaleCacheCheck(JdbcTemplate jdbc, List<Cache> caches, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.caches = caches.stream().filter(AggregateCache.class::isInstance).map(AggregateCache.class::cast)
                .toList();
        this.evicted = Counter.builder("finflow.commands.stale.evictions")
                .description("Cached aggregates found behind the store (written by another replica) and reloaded")
                .register(meters);
    }

    /** Evicts the group's cached aggregates that are behind the store; answers how many. */
    int evictStale(List<Job> group) {
        Map<String, Long> cached = new HashMap<>();
        for (Job job : group) {
            for (AggregateCache cache : caches) {
                Long version = cache.version(job.aggregateId);
                if (version != null) {
                    cached.put(job.aggregateId, version);
                }
            }
        }
        if (cached.isEmpty()) {
            return 0;
        }
        List<String> stale = new ArrayList<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(QUERY);
            statement.setArray(1, connection.createArrayOf("varchar", cached.keySet().toArray()));
            return statement;
        }, row -> {
            if (row.getLong(2) > cached.get(row.getString(1))) {
                stale.add(row.getString(1));
            }
        });
        for (String aggregateId : stale) {
            caches.forEach(cache -> cache.remove(aggregateId));
        }
        evicted.increment(stale.size());
        return stale.size();
    }
}
