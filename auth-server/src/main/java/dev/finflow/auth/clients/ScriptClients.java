package dev.finflow.auth.clients;

import dev.finflow.auth.AuthProperties;
import dev.finflow.events.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Clients that scripts and benchmarks use (OAuth2 client credentials), kept in Spring Authorization Server's
 * {@code oauth2_registered_client} table. A client's Finflow roles live in its client settings; its id is the
 * principal events record for what it does.
 */
@Component
public class ScriptClients {

    private static final String ROLES_SETTING = "finflow.roles";

    private final JdbcRegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;

    ScriptClients(JdbcTemplate jdbc, PasswordEncoder passwords, AuthProperties properties) {
        this.clients = new JdbcRegisteredClientRepository(jdbc);
        this.passwords = passwords;
        this.properties = properties;
    }

    public RegisteredClientRepository repository() {
        return clients;
    }

    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    /** Registers a client-credentials client whose secret is stored as a bcrypt hash. */
    public void register(String clientId, String rawSecret, Set<Role> roles) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwords.encode(rawSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .setting(ROLES_SETTING, roles.stream().map(Role::claimValue).collect(Collectors.joining(",")))
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build());
    }

    /** The Finflow roles a client was registered with. */
    public static List<String> roles(RegisteredClient client) {
        Object setting = client.getClientSettings().getSetting(ROLES_SETTING);
        return setting == null || setting.toString().isBlank() ? List.of()
                : Arrays.stream(setting.toString().split(",")).toList();
    }
}
