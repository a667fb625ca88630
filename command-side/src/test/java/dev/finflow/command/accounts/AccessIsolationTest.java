package dev.finflow.command.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-account isolation of every write over real HTTP, decided by the Account aggregate from its grants: another
 * user's account answers as one that does not exist and nothing is stored; a viewer is told the access is
 * read-only; a grant lets a user write, a revocation ends it; a forged {@code X-User} changes nothing.
 */
@CommandSideTest
class AccessIsolationTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final String account = "iso-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bobs = "iso-" + UUID.randomUUID().toString().substring(0, 8);

    /** Every write that names an account, {@code %s} for its id; the bodies are valid for an owner. */
    private static List<String[]> writes() {
        return List.of(
                new String[]{"POST", "/api/v1/accounts/%s/transactions", """
                        {"transactionId":"x1","type":"DEPOSIT","amount":1,"currency":"EUR"}"""},
                new String[]{"POST", "/api/v1/accounts/%s/transactions:batch", """
                        {"transactions":[{"transactionId":"x2","type":"DEPOSIT","amount":1,"currency":"EUR"}]}"""},
                new String[]{"POST", "/api/v1/accounts/%s/transactions/d1/reversal", """
                        {"transactionId":"x3"}"""},
                new String[]{"POST", "/api/v1/accounts/%s/closure", "{}"},
                new String[]{"POST", "/api/v1/accounts/%s/grants", """
                        {"userId":"mallory","level":"OWNER"}"""},
                new String[]{"DELETE", "/api/v1/accounts/%s/grants/mallory", null});
    }

    @BeforeEach
    void accounts() {
        send("POST", "/api/v1/accounts", """
                {"accountId":"%s","name":"Alice","currency":"EUR","openedOn":"2024-01-02"}""".formatted(account),
                alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"d1","type":"DEPOSIT","amount":100,"currency":"EUR","date":"2024-01-03"}""",
                alice, 201);
        send("POST", "/api/v1/accounts", """
                {"accountId":"%s","name":"Bob","currency":"EUR","openedOn":"2024-01-02"}""".formatted(bobs),
                bob, 201);
    }

    @Test
    void anotherUserWritesNothingToTheAccountByAnyPathAndIsAnsweredAsForNoAccount() {
        long before = store.count();
        for (String[] write : writes()) {
            JsonNode refused = send(write[0], write[1].formatted(account), write[2], bob, 404);
            JsonNode missing = send(write[0], write[1].formatted("iso-none"), write[2], bob, 404);

            assertThat(refused.get("rule").asText()).as(write[1]).isEqualTo("account-not-found");
            assertThat(refused.get("detail").asText()).as(write[1])
                    .isEqualTo(missing.get("detail").asText().replace("iso-none", account));
        }
        send("POST", "/api/v1/transfers", """
                {"transferId":"x4","fromAccountId":"%s","toAccountId":"%s","amount":1,"currency":"EUR"}"""
                .formatted(account, bobs), bob, 404);
        send("POST", "/api/v1/accounts", """
                {"accountId":"%s","name":"Alice","currency":"EUR","openedOn":"2024-01-02"}""".formatted(account),
                bob, 409);

        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aForgedUserHeaderChangesNothing() {
        http.post().uri("/api/v1/accounts/{id}/transactions", account).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(bob, Role.OWNER))
                .header("X-User", alice)
                .bodyValue("""
                        {"transactionId":"x5","type":"DEPOSIT","amount":1,"currency":"EUR"}""")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aViewerMayNotWriteAGrantedOwnerMayAndARevokedOneNoMore() {
        String deposit = """
                {"transactionId":"%s","type":"DEPOSIT","amount":1,"currency":"EUR"}""";
        send("POST", "/api/v1/accounts/" + account + "/grants", """
                {"userId":"%s","level":"VIEWER"}""".formatted(bob), alice, 201);
        JsonNode readOnly = send("POST", "/api/v1/accounts/" + account + "/transactions", deposit.formatted("v1"),
                bob, 403);
        assertThat(readOnly.get("rule").asText()).isEqualTo("read-only-access");
        send("POST", "/api/v1/accounts/" + account + "/grants", """
                {"userId":"mallory","level":"VIEWER"}""", bob, 403);

        send("POST", "/api/v1/accounts/" + account + "/grants", """
                {"userId":"%s","level":"OWNER"}""".formatted(bob), alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", deposit.formatted("o1"), bob, 201);

        send("DELETE", "/api/v1/accounts/" + account + "/grants/" + bob, null, alice, 200);
        send("POST", "/api/v1/accounts/" + account + "/transactions", deposit.formatted("o2"), bob, 404);
        JsonNode last = send("DELETE", "/api/v1/accounts/" + account + "/grants/" + alice, null, alice, 422);
        assertThat(last.get("rule").asText()).isEqualTo("last-owner");
    }

    @Test
    void anAdminGrantsOnAnyAccount() {
        send("POST", "/api/v1/accounts/" + account + "/grants", """
                {"userId":"%s","level":"OWNER"}""".formatted(bob), TestTokens.bearer("root", Role.ADMIN), 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"a1","type":"DEPOSIT","amount":1,"currency":"EUR"}""", bob, 201);
    }

    @Test
    void aTransferToAnotherPersonsAccountIsCreditedThere() {
        send("POST", "/api/v1/transfers", """
                {"transferId":"p1","fromAccountId":"%s","toAccountId":"%s","amount":10,"currency":"EUR",
                 "date":"2024-01-04"}""".formatted(account, bobs), alice, 202);

        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream()
                .anyMatch(r -> r.aggregateId().equals(bobs) && r.simpleType().equals("TransferReceivedEvent")));
        assertThat(rows.stream().filter(r -> r.aggregateId().equals(bobs)).map(StoredEvents.Row::simpleType))
                .containsExactly("AccountOpenedEvent", "TransferReceivedEvent");
    }

    /** Sends as {@code user} (an owner), or with {@code user} as the whole Authorization header value. */
    private JsonNode send(String method, String uri, String body, String user, int status) {
        String token = user.startsWith("Bearer ") ? user : TestTokens.bearer(user, Role.OWNER);
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> answer = ready.exchange().expectBody().returnResult();
        assertThat(answer.getStatus().value()).as(method + " " + uri + " as " + user + ": "
                + (answer.getResponseBody() == null ? "" : new String(answer.getResponseBody()))).isEqualTo(status);
        return answer.getResponseBody() == null ? null : StoredEvents.parse(new String(answer.getResponseBody()));
    }
}
