package dev.finflow.runtime.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the event store's global position of the events that record each job, in one query per group, inside
 * the group's transaction (so it sees its own uncommitted inserts).
 */
@Component
class EventPositions {

    private static final String QUERY = "select e.aggregate_identifier, e.sequence_number, e.global_index"
            + " from events.domain_event_entry e"
            + " join unnest(?::varchar[], ?::bigint[]) as k(aggregate_identifier, sequence_number)"
            + " on e.aggregate_identifier = k.aggregate_identifier and e.sequence_number = k.sequence_number";

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Map<String, Long>> found = ThreadLocal.withInitial(HashMap::new);

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Looks up the positions of the jobs' outcomes; read them with {@link #recorded(Job)} on the same thread. */
    void resolve(List<Job> jobs) {
        List<String> ids = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (Job job : jobs) {
            for (CommandOutcome outcome : job.outcomes) {
                ids.add(outcome.aggregateId());
                sequences.add(outcome.sequenceNumber());
            }
        }
        Map<String, Long> positions = found.get();
        positions.clear();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(QUERY);
            Array aggregateIds = connection.createArrayOf("varchar", ids.toArray());
            Array sequenceNumbers = connection.createArrayOf("bigint", sequences.toArray());
            statement.setArray(1, aggregateIds);
            statement.setArray(2, sequenceNumbers);
            return statement;
        }, row -> {
            positions.put(key(row.getString(1), row.getLong(2)), row.getLong(3));
        });
    }

    List<Recorded> recorded(Job job) {
        Map<String, Long> positions = found.get();
        List<Recorded> recorded = new ArrayList<>(job.outcomes.size());
        for (CommandOutcome outcome : job.outcomes) {
            Long position = positions.get(key(outcome.aggregateId(), outcome.sequenceNumber()));
            if (position == null) {
                throw new IllegalStateException("no event " + outcome.aggregateId() + "#"
                        + outcome.sequenceNumber() + " in the store");
            }
            recorded.add(new Recorded(outcome.aggregateId(), outcome.sequenceNumber(), position,
                    outcome.alreadyDone(), outcome.report()));
        }
        return recorded;
    }

    private static String key(String aggregateId, long sequenceNumber) {
        return aggregateId + '#' + sequenceNumber;
    }
}
