package dev.finflow.ml.forecasting;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Whether the feature projection is live: caught up with the store and not replaying. Training, forecasting and
 * retraining are side effects, so they wait while a rebuild replays history (they would otherwise train on a
 * half-built table and forecast from the past).
 */
@Component
class ProcessorState {

    private final EventProcessingConfiguration processing;

    ProcessorState(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    boolean live() {
        return processing.eventProcessor("features", StreamingEventProcessor.class).map(processor -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return processor.isRunning() && !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.isCaughtUp() && !s.isReplaying());
        }).orElse(false);
    }
}
