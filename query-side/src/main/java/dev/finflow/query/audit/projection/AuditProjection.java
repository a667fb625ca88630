package dev.finflow.query.audit.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.projection.BulkInsert;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
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
    public List<String> indexesBuiltLast() {
        return List.of("audit_event_aggregate", "audit_event_type", "audit_event_principal",
                "audit_event_correlation", "audit_event_time");
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return true;
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (ProjectedEvent event : events) {
            rows.add(new Object[]{event.position(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                    event.type(), event.recordedAt(), event.effectiveDate(), event.principal(),
                    event.meta(MetadataKeys.CORRELATION_ID), event.meta(MetadataKeys.CAUSATION_ID),
                    event.meta(MetadataKeys.SOURCE), event.meta(MetadataKeys.INGESTION_RUN),
                    json(event.storedMetaData()), json(event.payload())});
        }
        BulkInsert.into(tables.name(EVENTS), "position, event_id, aggregate_id, sequence_number, event_type, "
                + "recorded_at, effective_date, principal, correlation_id, causation_id, source, ingestion_run_id, "
                + "meta_data, payload", "(position) do nothing").write(jdbc, rows);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
        }
    }
}
