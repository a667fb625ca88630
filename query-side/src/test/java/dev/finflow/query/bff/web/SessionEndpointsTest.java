package dev.finflow.query.bff.web;

import dev.finflow.events.identity.Role;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.bff.session.SessionStore;
import dev.finflow.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The session endpoints without a browser sign-in (the whole flow is BrowserSignInTest in system-tests): API
 * clients keep their bearer tokens and need no CSRF token; a state-changing request on a session cookie without
 * the CSRF header is refused before anything else; no sign-in page of the query side's own exists.
 */
@QuerySideTest
class SessionEndpointsTest {

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void aBearerCallerIsShownWithTheRolesOfItsToken() {
        client().get().uri("/bff/session")
                .header("Authorization", "Bearer " + TestIssuer.shared().token("u-42", Role.OWNER, Role.AUDITOR))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"subject\":\"u-42\",\"roles\":[\"owner\",\"auditor\"]}");
    }

    @Test
    void aBearerCallerNeedsNoCsrfToken() {
        client().post().uri("/bff/logout")
                .header("Authorization", "Bearer " + TestIssuer.shared().token("u-42", Role.OWNER))
                .exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aPostOnTheSessionCookieWithoutTheCsrfHeaderIsRefused() {
        client().post().uri("/bff/command/api/v1/accounts").cookie(SessionStore.COOKIE, "forged")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("csrf-token-invalid");
    }

    @Test
    void anUnknownSessionCookieIsNoSignIn() {
        client().get().uri("/bff/session").cookie(SessionStore.COOKIE, "unknown")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aSignInThatWasNotStartedHereIsRefusedAsExpired() {
        client().get().uri("/bff/login/code/finflow?code=c&state=s").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.rule").isEqualTo("sign-in-expired");
    }

    @Test
    void theQuerySideServesNoSignInPageOfItsOwn() {
        client().get().uri("/login").accept(MediaType.TEXT_HTML).exchange().expectStatus().isUnauthorized();
    }
}
