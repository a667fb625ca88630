package dev.finflow.runtime.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** Axon's names for the tables of the {@code events} schema, for every writer and reader of the store. */
public final class EventTables {

    private EventTables() {
    }

    public static EventSchema schema() {
        // Axon's default names are camelCase, which PostgreSQL folds; the tables use snake_case.
        return EventSchema.builder()
                .eventTable(SchemaMigrations.EVENTS_SCHEMA + ".domain_event_entry")
                .snapshotTable(SchemaMigrations.EVENTS_SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
