package dev.finflow.query.bff.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The browser's sign-in through the query side ({@code finflow.bff.*}).
 *
 * @param clientId       the confidential client the issuer registered for the browser sign-in
 * @param clientSecret   its secret; blank = no browser can sign in (bearer tokens still work)
 * @param afterSignIn    where the browser lands once signed in
 * @param sessionTimeout how long an idle session lives
 * @param commandUri     where {@code /bff/command/**} is relayed to
 * @param mlUri          where {@code /bff/ml/**} is relayed to
 * @param relayTimeout   how long a relayed call may take to answer its status and headers
 */
@ConfigurationProperties("finflow.bff")
public record BffProperties(String clientId, String clientSecret, String afterSignIn, Duration sessionTimeout,
                            URI commandUri, URI mlUri, Duration relayTimeout) {

    public BffProperties {
        clientId = clientId == null || clientId.isBlank() ? "finflow-bff" : clientId;
        clientSecret = clientSecret == null ? "" : clientSecret;
        afterSignIn = afterSignIn == null || afterSignIn.isBlank() ? "/" : afterSignIn;
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
        relayTimeout = relayTimeout == null ? Duration.ofSeconds(30) : relayTimeout;
    }

    boolean signInConfigured() {
        return !clientSecret.isBlank();
    }
}
