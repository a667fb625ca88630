package dev.finflow.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.finflow.auth.clients.ScriptClients;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finflow.auth.issuer=http://issuer.finflow.test",
        "finflow.auth.credentials-file=target/auth-server-test-credentials"})
@FreshDatabase
class AuthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScriptClients clients;

    @Test
    void firstStartCreatesAnAdminWithABcryptCost12PasswordAndAnOpaqueId() throws Exception {
        String hash = jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class);
        String id = jdbc.queryForObject("select id from users where username = 'admin'", String.class);
        assertThat(hash).startsWith("$2a$12$").doesNotContain(credentials().getProperty("FINFLOW_ADMIN_PASSWORD"));
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(Files.getPosixFilePermissions(Path.of("target/auth-server-test-credentials")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void clientCredentialsTokenIsSignedByThePublishedKeyAndCarriesIssuerSubjectAndRoles() throws Exception {
        Properties credentials = credentials();
        HttpResponse<String> response = token(credentials.getProperty("FINFLOW_CLIENT_ID"),
                credentials.getProperty("FINFLOW_CLIENT_SECRET"));
        assertThat(response.statusCode()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(JSON.readTree(response.body()).get("access_token").asText());

        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://issuer.finflow.test");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("finflow-cli");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactlyInAnyOrder("owner", "market-data", "auditor", "admin");
    }

    @Test
    void wrongClientSecretGetsNoToken() throws Exception {
        HttpResponse<String> response = token("finflow-cli", "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndHealthIsOpen() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").asText()).isEqualTo("http://issuer.finflow.test");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsASignIn() throws Exception {
        HttpResponse<String> response = get("/anything");
        assertThat(response.statusCode()).isIn(302, 401);
    }

    @Test
    void anAdminCreatesDisablesAndResetsUsersAndNobodyElseCan() throws Exception {
        String admin = accessToken();
        HttpResponse<String> created = post("/api/v1/users", admin, "{\"username\":\"frank\",\"roles\":[\"owner\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode user = JSON.readTree(created.body());
        String id = user.get("id").asText();
        String password = user.get("password").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(jdbc.queryForObject("select password_hash from users where id = ?", String.class, id))
                .startsWith("$2a$12$").isNotEqualTo(password);

        HttpResponse<String> reset = post("/api/v1/users/" + id + "/password", admin, "");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("password").asText()).isNotEqualTo(password);

        assertThat(post("/api/v1/users/" + id + "/disable", admin, "").statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, id)).isFalse();
        assertThat(post("/api/v1/users/nobody/disable", admin, "").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("select payload_type || ' by ' || (meta_data::json ->> 'principal') from "
                + "events.domain_event_entry where aggregate_identifier = ? order by sequence_number", String.class,
                "user/" + id)).containsExactly("dev.finflow.events.identity.UserCreatedEvent by finflow-cli",
                "dev.finflow.events.identity.UserPasswordResetEvent by finflow-cli",
                "dev.finflow.events.identity.UserDisabledEvent by finflow-cli");
        assertThat(jdbc.queryForList("select payload || meta_data from events.domain_event_entry", String.class))
                .noneMatch(event -> event.contains("frank"));

        assertThat(post("/api/v1/users", null, "{\"username\":\"gina\"}").statusCode()).isEqualTo(401);
        clients.register("no-admin", "no-admin-secret", EnumSet.of(Role.OWNER));
        String owner = JSON.readTree(token("no-admin", "no-admin-secret").body()).get("access_token").asText();
        assertThat(post("/api/v1/users", owner, "{\"username\":\"gina\"}").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'gina'", Integer.class)).isZero();
    }

    @Test
    void badUserInputIsAProblemNamingTheRuleAndWritesNothing() throws Exception {
        String admin = accessToken();
        Integer before = jdbc.queryForObject("select count(*) from users", Integer.class);
        HttpResponse<String> badName = post("/api/v1/users", admin, "{\"username\":\"Bad Name\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badName.body()).get("rule").asText()).isEqualTo("invalid-username");
        HttpResponse<String> badRole = post("/api/v1/users", admin,
                "{\"username\":\"hank\",\"roles\":[\"superuser\"]}");
        assertThat(JSON.readTree(badRole.body()).get("rule").asText()).isEqualTo("unknown-role");
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isEqualTo(before);
    }

    private String accessToken() throws Exception {
        Properties credentials = credentials();
        return JSON.readTree(token(credentials.getProperty("FINFLOW_CLIENT_ID"),
                credentials.getProperty("FINFLOW_CLIENT_SECRET")).body()).get("access_token").asText();
    }

    private HttpResponse<String> post(String path, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Properties credentials() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("target/auth-server-test-credentials"))) {
            properties.load(reader);
        }
        return properties;
    }
}
