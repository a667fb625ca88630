package dev.finflow.query.audit.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * The audit trail: every event of the store with all its metadata, in global order. Writes are idempotent by
 * position (a redelivered event changes nothing).
 */
@Component
public class AuditProjection implements Projection {

    public static final String NAME = "audit";
    public static final String EVENTS = "audit_event";
    private static final ObjectMapper JSON = EventJson.objectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(EVENTS);
    }

    /** Rows are only inserted (the primary key settles redelivery): a rebuild builds its five indexes at the end. */
    @Override
    public List<String> appendOnlyTables() {
        return List.of(EVENTS);
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return true;
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        jdbc.batchUpdate("insert into " + tables.name(EVENTS) + " (position, event_id, aggregate_id, sequence_number,"
                        + " event_type, recorded_at, effective_date, principal, correlation_id, causation_id, source,"
                        + " ingestion_run_id, meta_data, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (position) do nothing", events, events.size(),
                (statement, event) -> {
                    statement.setLong(1, event.position());
                    statement.setString(2, event.eventId());
                    statement.setString(3, event.aggregateId());
                    statement.setLong(4, event.sequenceNumber());
                    statement.setString(5, event.type());
                    statement.setTimestamp(6, Timestamp.from(event.recordedAt()));
                    statement.setObject(7, event.effectiveDate(), Types.DATE);
                    statement.setString(8, event.principal());
                    statement.setString(9, event.meta(MetadataKeys.CORRELATION_ID));
                    statement.setString(10, event.meta(MetadataKeys.CAUSATION_ID));
                    statement.setString(11, event.meta(MetadataKeys.SOURCE));
                    statement.setString(12, event.meta(MetadataKeys.INGESTION_RUN));
                    statement.setString(13, json(event.metaData()));
                    statement.setString(14, json(event.payload()));
                });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
        }
    }
}
