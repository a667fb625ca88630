package dev.finflow.runtime.store;

import dev.finflow.events.MetadataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who and why from a message to everything handling it produces: the principal, the acting process (when
 * a process acts for the principal), the trace context and the correlation id pass on unchanged, and the handled message becomes the causation. Replaces Axon's default provider, whose
 * "correlationId" means what Finflow calls the causation id.
 */
final class CausationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object principal = message.getMetaData().get(MetadataKeys.PRINCIPAL);
        if (principal != null) {
            data.put(MetadataKeys.PRINCIPAL, principal);
        }
        Object actor = message.getMetaData().get(MetadataKeys.ACTOR);
        if (actor != null) {
            data.put(MetadataKeys.ACTOR, actor);
        }
        Object traceparent = message.getMetaData().get(MetadataKeys.TRACEPARENT);
        if (traceparent != null) {
            data.put(MetadataKeys.TRACEPARENT, traceparent);
        }
        Object correlation = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
        data.put(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
