package dev.finflow.query.api;

import dev.finflow.query.QuerySideTest;
import dev.finflow.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Any OIDC provider can replace Finflow's auth-server: a service pointed at another issuer (its own keys, roles
 * under {@code realm_access.roles} as Keycloak puts them) accepts that issuer's tokens, reads the roles from the
 * configured path, and refuses tokens of the issuer it no longer trusts.
 */
@QuerySideTest
class SecondIssuerTest {

    static final TestIssuer SECOND = TestIssuer.start();

    @DynamicPropertySource
    static void trustTheSecondIssuer(DynamicPropertyRegistry registry) {
        registry.add("finflow.identity.issuer-uri", SECOND::uri);
        registry.add("finflow.identity.roles-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stop() {
        SECOND.close();
    }

    @LocalServerPort
    int port;

    @Test
    void acceptsTheConfiguredIssuersTokensWithRolesFromTheConfiguredClaim() {
        String token = SECOND.tokenWithClaims("kc-user-1", Map.of("realm_access", Map.of("roles",
                List.of("viewer", "offline_access"))));
        get("/api/v1/instruments", token).expectStatus().isOk();
        // viewer is not a market-data operator: the roles were read, and only Finflow's names count.
        get("/api/v1/ingestion/runs", token).expectStatus().isForbidden();
    }

    @Test
    void rolesElsewhereInTheTokenGrantNothing() {
        String token = SECOND.tokenWithClaims("kc-user-2", Map.of("roles", List.of("admin")));
        get("/api/v1/instruments", token).expectStatus().isForbidden();
    }

    @Test
    void refusesTokensOfTheDefaultIssuer() {
        String token = TestIssuer.shared().tokenWithClaims("someone", Map.of("realm_access",
                Map.of("roles", List.of("admin"))));
        get("/api/v1/instruments", token).expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.rule").isEqualTo("unauthenticated");
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
