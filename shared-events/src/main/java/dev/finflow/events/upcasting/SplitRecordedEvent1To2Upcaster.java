package dev.finflow.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.market.SplitRecordedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 2 of a split may carry a cash-in-lieu price; a revision 1 split carries none (a fractional remainder
 * stays held), which is what an absent field reads as. Only the revision changes.
 */
public final class SplitRecordedEvent1To2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType OLD =
            new SimpleSerializedType(SplitRecordedEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return OLD.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(new SimpleSerializedType(OLD.getName(), "2"), JsonNode.class, (JsonNode json) -> json,
                metaData -> metaData);
    }
}
