package dev.finflow.runtime.deadletters;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC dead-letter queue as every Finflow service keeps it: one table {@code <schema>.dead_letter_entry}
 * (created by the service's migration, in snake_case: Axon's defaults are camelCase, which PostgreSQL folds), one
 * queue per processor (its processing group), sequenced by aggregate, so one event that cannot be applied holds
 * back only the later events of its own account or symbol.
 */
public final class DeadLetters {

    /** Sequences and letters per sequence: high, so the queue never refuses a letter and stalls its processor. */
    private static final int LIMIT = 1_000_000;

    private DeadLetters() {
    }

    /** The dead-letter table of a service's schema, in the column names its migration creates. */
    public static DeadLetterSchema schema(String serviceSchema) {
        return DeadLetterSchema.builder()
                .deadLetterTable(serviceSchema + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The queue of one processor. It joins the caller's transaction (the connection provider hands out the
     * transaction's connection), so a letter is stored together with the processor's token.
     */
    public static SequencedDeadLetterQueue<EventMessage<?>> queue(String serviceSchema, String processingGroup,
                                                                  ConnectionProvider connections,
                                                                  TransactionManager transactions,
                                                                  Serializer serializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema(serviceSchema))
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .maxSequences(LIMIT)
                .maxSequenceSize(LIMIT)
                .build();
    }

    /** The sequence an event belongs to: its aggregate (account, symbol, saga), else the event itself. */
    public static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
