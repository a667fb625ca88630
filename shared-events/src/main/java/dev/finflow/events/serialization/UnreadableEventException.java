package dev.finflow.events.serialization;

import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;

/**
 * A stored event this version of the code cannot read: a revision no upcaster brings to the one its class
 * declares, or a type it has no class for. Written by a newer version during a rolling upgrade; the readers keep
 * it as a dead letter and apply it once upgraded.
 */
public final class UnreadableEventException extends SerializationException {

    private UnreadableEventException(String message) {
        super(message);
    }

    static UnreadableEventException revision(SerializedType stored, String known) {
        return new UnreadableEventException(stored.getName() + " revision " + stored.getRevision() + " is unknown "
                + "to this version, which reads revision " + known + ": upgrade this service to apply it");
    }

    public static UnreadableEventException type(SerializedType stored) {
        return new UnreadableEventException(stored.getName() + " (revision " + stored.getRevision() + ") is a type "
                + "unknown to this version: upgrade this service to apply it");
    }
}
