package dev.finflow.runtime.store;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * Not a stored event: what {@link PollingEventSource} hands a processor when global indexes it was waiting for
 * turned out to be holes (their transactions ended without committing) and no later event came to carry the news.
 * Its token no longer lists the holes, so the processor's stored position moves past them. Handlers ignore it.
 *
 * @param holes the global indexes that will never hold an event
 */
public record HolesSkipped(List<Long> holes) {

    static TrackedEventMessage<HolesSkipped> message(TrackingToken token, List<Long> holes) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(new HolesSkipped(holes)));
    }
}
