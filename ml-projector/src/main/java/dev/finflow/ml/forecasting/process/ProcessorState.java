package dev.finflow.ml.forecasting.process;

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
                    .allMatch(ProcessorState::live);
        }).orElse(false);
    }

    /**
     * Axon keeps a segment "replaying" until an event newer than the reset point arrives, even when it has
     * re-applied every event there was; past the reset position the rebuilt tables are complete.
     */
    private static boolean live(EventTrackerStatus status) {
        return status.isCaughtUp() && (!status.isReplaying()
                || status.getCurrentPosition().orElse(-1) >= status.getResetPosition().orElse(Long.MAX_VALUE));
    }
}
