package dev.finflow.auth.clients;

import dev.finflow.auth.AuthProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Registers, on every start, the confidential client the browser signs in with through the query side
 * (authorization code with PKCE, refresh tokens, scope {@code openid}, no consent screen: it is Finflow's own
 * page). Registering on every start lets the local runner hand both servers a fresh secret each run; the
 * registration keeps its id, so it is updated rather than duplicated.
 */
@Component
class BrowserClient implements ApplicationRunner {

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuthProperties auth;
    private final BrowserClientProperties browser;

    BrowserClient(RegisteredClientRepository clients, PasswordEncoder passwords, AuthProperties auth,
                  BrowserClientProperties browser) {
        this.clients = clients;
        this.passwords = passwords;
        this.auth = auth;
        this.browser = browser;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (browser.secret().isBlank()) {
            return;
        }
        RegisteredClient existing = clients.findByClientId(browser.clientId());
        clients.save(RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(browser.clientId())
                .clientName("Finflow in the browser")
                .clientSecret(passwords.encode(browser.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(browser.redirectUris()))
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(auth.accessTokenTtl())
                        .refreshTokenTimeToLive(browser.refreshTokenTtl()).build())
                .build());
    }
}
