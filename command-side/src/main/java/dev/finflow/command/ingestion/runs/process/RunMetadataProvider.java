package dev.finflow.command.ingestion.runs.process;

import dev.finflow.events.MetadataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Carries the ingestion run and source from a run's commands onto every event they cause, so each bar event
 * names the run that produced it in its metadata too. Messages outside a run are left alone.
 */
@Component
class RunMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object run = message.getMetaData().get(MetadataKeys.INGESTION_RUN);
        if (run == null) {
            return Map.of();
        }
        Object source = message.getMetaData().get(MetadataKeys.SOURCE);
        return source == null ? Map.of(MetadataKeys.INGESTION_RUN, run)
                : Map.of(MetadataKeys.INGESTION_RUN, run, MetadataKeys.SOURCE, source);
    }
}
