package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An admin created a user (stream {@code user/<userId>}). The username is not recorded: it is personal data and
 * stays in the authorization server's own table; the opaque id is what every other event names.
 */
@Revision("1")
public record UserCreatedEvent(String userId, List<Role> roles) {

    public UserCreatedEvent {
        roles = List.copyOf(roles);
    }
}
