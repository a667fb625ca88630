package dev.finflow.query.bff.session;

import dev.finflow.security.SignInExpired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Where the resource server finds the caller's token: the {@code Authorization} header when the request has one
 * (API clients, exactly as before), otherwise the access token of the browser's signed-in session, refreshed with
 * the session's refresh token when it is about to expire. Either way the token is then verified like any bearer
 * token, so a session request has the same principal, roles and checks as the same user's API call. A session
 * whose tokens cannot be refreshed any more is ended.
 */
public final class SessionBearer implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final ServerOAuth2AuthorizedClientRepository sessions;
    private final ReactiveOAuth2AuthorizedClientManager tokens;

    public SessionBearer(ServerOAuth2AuthorizedClientRepository sessions,
                         ReactiveOAuth2AuthorizedClientManager tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return header.convert(exchange);
        }
        return sessions.<OAuth2AuthorizedClient>loadAuthorizedClient(SignInRegistration.ID, null, exchange)
                .flatMap(client -> tokens.authorize(OAuth2AuthorizeRequest.withAuthorizedClient(client)
                                .principal(client.getPrincipalName())
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .onErrorResume(OAuth2AuthorizationException.class, failure -> exchange.getSession()
                                .flatMap(WebSession::invalidate)
                                .then(Mono.error(new SignInExpired("the sign-in of this session has expired or "
                                        + "was revoked: sign in again", failure)))))
                .map(client -> new BearerTokenAuthenticationToken(client.getAccessToken().getTokenValue()));
    }
}
