package dev.finflow.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finflow.events.ledger.TransactionReversedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 reversals took effect on their booking date (their legs were negated there, after the original);
 * revision 2 names the date its legs take effect on, {@code originalDate}. An old reversal keeps its old meaning:
 * its {@code originalDate} is its booking date.
 */
public final class TransactionReversedEvent1To2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType OLD =
            new SimpleSerializedType(TransactionReversedEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return OLD.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(new SimpleSerializedType(OLD.getName(), "2"), JsonNode.class, json -> {
            ObjectNode event = (ObjectNode) json;
            if (!event.hasNonNull("originalDate")) {
                event.set("originalDate", event.get("bookingDate"));
            }
            return event;
        }, metaData -> metaData);
    }
}
