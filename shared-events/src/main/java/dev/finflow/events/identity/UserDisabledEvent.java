package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

/** An admin disabled a user: no new sign-in; tokens already issued end with their lifetime. */
@Revision("1")
public record UserDisabledEvent(String userId) {
}
