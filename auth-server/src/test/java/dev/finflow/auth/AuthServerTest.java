package dev.finflow.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
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
import java.util.Base64;
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

    @Test
    void firstStartCreatesAnAdminWithABcryptCost12PasswordAndAnOpaqueId() throws Exception {
        String hash = jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class);
        String id = jdbc.queryForObject("select id from users where username = 'admin'", String.class);
        assertThat(hash).startsWith("$2a$12$").doesNotContain(credentials().getProperty("FINFLOW_ADMIN_PASSWORD"));
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(Files.getPosixFilePermissions(Path.of("target/auth-server-test-credentials")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
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
