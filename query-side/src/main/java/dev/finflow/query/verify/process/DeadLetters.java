package dev.finflow.query.verify.process;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The events a processor has put in its dead-letter queue ({@code query.dead_letter_entry}, Axon's JDBC schema).
 * The table exists only once the dead-letter work is deployed; until then no event is dead-lettered.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static List<String> eventIds(JdbcTemplate jdbc, String processor) {
        Boolean exists = jdbc.queryForObject("select to_regclass('query.dead_letter_entry') is not null",
                Boolean.class);
        if (!Boolean.TRUE.equals(exists)) {
            return List.of();
        }
        return jdbc.queryForList("select distinct event_identifier from query.dead_letter_entry"
                + " where processing_group = ? order by event_identifier", String.class, processor);
    }
}
