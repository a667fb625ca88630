package dev.finflow.events.privacy;

import org.axonframework.serialization.Revision;

/**
 * An admin erased a person's personal data (stream {@code person/<personId>}): their key was deleted, so every
 * value sealed with it reads as {@value SealedText#ERASED}. The event names only the opaque id; balances, lineage
 * and the audit trail's structure stay as they were.
 */
@Revision("1")
public record PersonErasedEvent(String personId) {
}
