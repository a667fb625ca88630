package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A run of failed sign-ins locked a username out until {@code until}. Stream and {@code userId} as for
 * {@link SignInFailedEvent}: an unknown username is locked out alike and is not recorded.
 */
@Revision("1")
public record SignInLockedOutEvent(String userId, Instant until, String clientId, String origin) {
}
