package dev.finflow.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.finflow.events.serialization.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads what actually landed in the event store, as a person with psql would. */
@Component
public class StoredEvents {

    private static final ObjectMapper JSON = EventJson.objectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final JdbcTemplate jdbc;

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long position, String aggregateId, long sequenceNumber, String type, JsonNode payload,
                      JsonNode metaData) {

        public String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    public List<Row> all() {
        return jdbc.query("select global_index, aggregate_identifier, sequence_number, payload_type, payload,"
                + " meta_data from events.domain_event_entry order by global_index", (rs, i) -> new Row(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), parse(rs.getString(5)),
                parse(rs.getString(6))));
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from events.domain_event_entry", Long.class);
    }

    public List<String> types() {
        return all().stream().map(Row::simpleType).toList();
    }

    /** Waits for asynchronous work (the transfer process) to have stored what {@code until} expects. */
    public List<Row> awaitAll(Predicate<List<Row>> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Row> rows = all();
        while (!until.test(rows) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = all();
        }
        return rows;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored event is not JSON: " + json, e);
        }
    }
}
