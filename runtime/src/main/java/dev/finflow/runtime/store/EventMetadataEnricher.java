package dev.finflow.runtime.store;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps each event on its way into the store with when it was recorded and the business date it takes effect
 * on, so the audit trail can show both without knowing every event type.
 */
final class EventMetadataEnricher implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Map<String, Object> added = new HashMap<>();
            added.put(MetadataKeys.RECORDED_AT, event.getTimestamp().toString());
            if (event.getPayload() instanceof EffectiveDated dated && dated.effectiveDate() != null) {
                added.put(MetadataKeys.EFFECTIVE_DATE, dated.effectiveDate().toString());
            }
            return event.andMetaData(MetaData.from(added));
        };
    }
}
