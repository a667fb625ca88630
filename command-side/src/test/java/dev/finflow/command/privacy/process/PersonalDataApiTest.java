package dev.finflow.command.privacy.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, memos and reasons reach the event store sealed with their writer's key; the writer (or an admin) exports
 * them decrypted; an admin's erasure deletes the key, is recorded as an event without personal data, and leaves
 * the ledger working: the account still takes transactions and a repeat is still recognised.
 */
@CommandSideTest
class PersonalDataApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ErasuresReapplied reapplied;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String admin = TestTokens.bearer("admin-" + UUID.randomUUID(), Role.ADMIN);
    private final String account = "pd-" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = "Name " + UUID.randomUUID();
    private final String memo = "Memo " + UUID.randomUUID();
    private final String reason = "Reason " + UUID.randomUUID();

    @Test
    void storesOnlySealedTextExportsItToItsWriterAndErasesIt() {
        seed();
        String deposit = """
                {"transactionId":"d1","type":"DEPOSIT","amount":100,"currency":"EUR","date":"2024-01-03","memo":"%s"}"""
                .formatted(memo);

        String events = jdbc.queryForList("select payload from events.domain_event_entry", String.class).toString();
        String snapshots = jdbc.queryForList("select payload from events.snapshot_event_entry", String.class)
                .toString();
        assertThat(events).doesNotContain(name, memo, reason).contains("sealed:v1:" + alice + ":");
        assertThat(snapshots).doesNotContain(name, memo, reason);
        assertThat(send("POST", "/api/v1/accounts/" + account + "/transactions", deposit, alice, 200)
                .get("status").asText()).as("a repeat seals to the same value").isEqualTo("ALREADY_RECORDED");

        assertThat(values(send("GET", "/api/v1/persons/" + alice + "/export", null, alice, 200)))
                .containsExactly("name=" + name, "memo=" + memo, "reason=" + reason);
        assertThat(values(send("GET", "/api/v1/persons/" + alice + "/export", null, admin, 200))).hasSize(3);
        assertThat(send("GET", "/api/v1/persons/" + alice + "/export", null, "bob-" + UUID.randomUUID(), 403)
                .get("rule").asText()).isEqualTo("other-persons-data");

        JsonNode erased = send("POST", "/api/v1/persons/" + alice + "/erasure", null, admin, 200);

        assertThat(erased.get("status").asText()).isEqualTo("ERASED");
        StoredEvents.Row event = store.all().stream().filter(row -> row.aggregateId().equals("person/" + alice))
                .findFirst().orElseThrow();
        assertThat(event.simpleType()).isEqualTo("PersonErasedEvent");
        assertThat(event.position()).isEqualTo(erased.get("position").asLong());
        assertThat(event.payload().toString()).isEqualTo("{\"personId\":\"" + alice + "\"}");
        assertThat(event.metaData().get("principal").asText()).startsWith("admin-");
        assertThat(event.metaData().has("callerRoles")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from keys.person_key where person_id = ?", Long.class, alice))
                .isZero();
        assertThat(values(send("GET", "/api/v1/persons/" + alice + "/export", null, alice, 200)))
                .containsExactly("name=[erased]", "memo=[erased]", "reason=[erased]");
        assertThat(send("POST", "/api/v1/persons/" + alice + "/erasure", null, admin, 200).get("status").asText())
                .isEqualTo("ALREADY_ERASED");

        // The ledger goes on: the cached account holds only sealed values, the balance is intact.
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"w1","type":"WITHDRAWAL","amount":100,"currency":"EUR","date":"2024-01-05"}""",
                alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"w2","type":"WITHDRAWAL","amount":0.01,"currency":"EUR","date":"2024-01-05"}""",
                alice, 422);
    }

    @Test
    void aKeyRestoredFromBeforeTheErasureIsDeletedAgainAtStartUp() {
        seed();
        send("POST", "/api/v1/persons/" + alice + "/erasure", null, admin, 200);
        jdbc.update("insert into keys.person_key (person_id, wrapped_key, created_at) values (?, ?, now() - "
                + "interval '1 day')", alice, new byte[60]);

        reapplied.run(null);

        assertThat(jdbc.queryForObject("select count(*) from keys.person_key where person_id = ?", Long.class, alice))
                .isZero();
    }

    @Test
    void refusesANameTooLongAndErasureByANonAdminStoringNothing() {
        long before = store.count();

        assertThat(send("POST", "/api/v1/accounts", """
                {"accountId":"%s","name":"%s","currency":"EUR"}""".formatted(account, "n".repeat(201)), alice, 400)
                .get("rule").asText()).isEqualTo("invalid-field");
        assertThat(send("POST", "/api/v1/persons/" + alice + "/erasure", null, alice, 403).get("rule").asText())
                .isEqualTo("forbidden");
        assertThat(send("POST", "/api/v1/persons/bad!id/erasure", null, admin, 400).toString())
                .contains("\"rule\":\"invalid-field\"", "\"field\":\"personId\"");
        assertThat(store.count()).isEqualTo(before);
    }

    private void seed() {
        send("POST", "/api/v1/accounts", """
                {"accountId":"%s","name":"%s","currency":"EUR","openedOn":"2024-01-02"}""".formatted(account, name),
                alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"d1","type":"DEPOSIT","amount":100,"currency":"EUR","date":"2024-01-03","memo":"%s"}"""
                .formatted(memo), alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions", """
                {"transactionId":"f1","type":"FEE","amount":1,"currency":"EUR","date":"2024-01-03"}""", alice, 201);
        send("POST", "/api/v1/accounts/" + account + "/transactions/f1/reversal", """
                {"transactionId":"r1","date":"2024-01-04","reason":"%s"}""".formatted(reason), alice, 201);
    }

    private static List<String> values(JsonNode export) {
        List<String> values = new ArrayList<>();
        export.get("items").forEach(item -> values.add(item.get("field").asText() + "=" + item.get("value").asText()));
        return values;
    }

    private JsonNode send(String method, String uri, String body, String user, int status) {
        String token = user.startsWith("Bearer ") ? user : TestTokens.bearer(user, Role.OWNER);
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> answer = ready.exchange().expectBody().returnResult();
        assertThat(answer.getStatus().value()).as(method + " " + uri + ": "
                + (answer.getResponseBody() == null ? "" : new String(answer.getResponseBody()))).isEqualTo(status);
        return answer.getResponseBody() == null ? null : StoredEvents.parse(new String(answer.getResponseBody()));
    }
}
