package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user signed in with the right password.
 *
 * @param clientId the OAuth2 client the sign-in was for; null when the form was opened directly
 * @param origin   the caller's network, never the full address: an IPv4 /24 or an IPv6 /48
 */
@Revision("1")
public record UserSignedInEvent(String userId, String clientId, String origin) {
}
