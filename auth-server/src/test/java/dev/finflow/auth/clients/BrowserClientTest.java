package dev.finflow.auth.clients;

import dev.finflow.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser sign-in client of the query side is registered from configuration, confidential and with PKCE. */
@SpringBootTest(properties = {"finflow.auth.browser-client.secret=browser-secret",
        "finflow.auth.browser-client.redirect-uris=http://127.0.0.1:8082/bff/login/code/finflow"})
@FreshDatabase
class BrowserClientTest {

    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrowserClient browserClient;

    @Test
    void isAConfidentialAuthorizationCodeClientThatMustUsePkce() {
        RegisteredClient client = clients.findByClientId("finflow-bff");

        assertThat(passwords.matches("browser-secret", client.getClientSecret())).isTrue();
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
                AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
        assertThat(client.getRedirectUris()).containsExactly("http://127.0.0.1:8082/bff/login/code/finflow");
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isFalse();
    }

    @Test
    void registeringAgainUpdatesTheClientRatherThanAddingOne() throws Exception {
        String id = clients.findByClientId("finflow-bff").getId();

        browserClient.run(null);

        assertThat(clients.findByClientId("finflow-bff").getId()).isEqualTo(id);
    }
}
