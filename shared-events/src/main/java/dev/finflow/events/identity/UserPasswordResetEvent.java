package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

/** An admin replaced a user's password with a generated one (which no event holds). */
@Revision("1")
public record UserPasswordResetEvent(String userId) {
}
