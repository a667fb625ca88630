package dev.finflow.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A sign-in was refused. For a known user on stream {@code user/<userId>}; for an unknown username on a stream of
 * its own ({@code sign-in/<random id>}) with {@code userId} null, as the typed name is never recorded.
 *
 * @param clientId the OAuth2 client the sign-in was for; null when the form was opened directly
 * @param origin   the caller's network, never the full address: an IPv4 /24 or an IPv6 /48
 */
@Revision("1")
public record SignInFailedEvent(String userId, SignInFailure reason, String clientId, String origin) {
}
