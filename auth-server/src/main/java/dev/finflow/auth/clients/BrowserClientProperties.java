package dev.finflow.auth.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The browser sign-in client that the query side's backend-for-frontend uses ({@code finflow.auth.browser-client.*}).
 *
 * @param clientId        its client id (the query side's {@code finflow.bff.client-id})
 * @param secret          its secret, the same as the query side's {@code FINFLOW_BFF_CLIENT_SECRET}; blank = the
 *                        client is not registered (no browser sign-in)
 * @param redirectUris    where the query side receives the authorization code ({@code /bff/login/code/finflow})
 * @param refreshTokenTtl how long a browser session can go on without signing in again
 */
@ConfigurationProperties("finflow.auth.browser-client")
public record BrowserClientProperties(String clientId, String secret, List<String> redirectUris,
                                      Duration refreshTokenTtl) {

    public BrowserClientProperties {
        clientId = clientId == null || clientId.isBlank() ? "finflow-bff" : clientId;
        secret = secret == null ? "" : secret;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
    }
}
