package dev.finflow.query.bff.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Revokes a session's refresh and access tokens at the issuer's revocation endpoint (RFC 7009, from its discovery
 * document), so a signed-out session's tokens are dead at the issuer too. An issuer without the endpoint, or one
 * that does not answer, does not keep the session alive: the session ends here anyway, and the access token
 * expires with its lifetime.
 */
@Component
public class TokenRevocation {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocation.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http = WebClient.create();

    public Mono<Void> revoke(OAuth2AuthorizedClient client) {
        ClientRegistration registration = client.getClientRegistration();
        Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint");
        if (endpoint == null) {
            return Mono.empty();
        }
        return Flux.concat(revoke(registration, endpoint.toString(), client.getRefreshToken(), "refresh_token"),
                revoke(registration, endpoint.toString(), client.getAccessToken(), "access_token")).then();
    }

    private Mono<Void> revoke(ClientRegistration registration, String endpoint, AbstractOAuth2Token token,
                              String hint) {
        if (token == null) {
            return Mono.empty();
        }
        return http.post().uri(endpoint)
                .headers(headers -> headers.setBasicAuth(registration.getClientId(), registration.getClientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", token.getTokenValue()).with("token_type_hint", hint))
                .retrieve().toBodilessEntity().then()
                .timeout(TIMEOUT)
                .onErrorResume(failure -> {
                    LOG.warn("could not revoke a signed-out session's {} at {}: {}", hint, endpoint,
                            failure.toString());
                    return Mono.empty();
                });
    }
}
