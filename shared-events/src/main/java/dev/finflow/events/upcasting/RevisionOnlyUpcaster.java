package dev.finflow.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * For a revision that only added optional fields whose absence means what the old revision meant: the JSON stays
 * as it is and only the revision changes (e.g. a revision 1 split carries no cash-in-lieu price, so a remainder
 * stays held; a revision 2 split carries no FX rates, so only accounts in the instrument's currency are paid).
 */
final class RevisionOnlyUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    RevisionOnlyUpcaster(Class<?> event, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.to = new SimpleSerializedType(event.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(to, JsonNode.class, json -> json, metaData -> metaData);
    }
}
