package dev.finflow.query.access.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.identity.Role;
import dev.finflow.events.identity.SignInFailedEvent;
import dev.finflow.events.identity.SignInFailure;
import dev.finflow.events.identity.UserCreatedEvent;
import dev.finflow.events.identity.UserSignedInEvent;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-account isolation of every query-side read over real HTTP: the accounts' events are stored as the command
 * side stores them (the opener as principal, grants as events), and each caller holds a token of the test issuer.
 * Another user's account answers exactly as an account that does not exist; the audit trail answers owners and
 * viewers with the events of their granted accounts only.
 */
@QuerySideTest
class AccessIsolationTest {

    /** Every read that names an account, {@code %s} for its id. */
    private static final List<String> ACCOUNT_READS = List.of(
            "/api/v1/accounts/%s/holdings",
            "/api/v1/accounts/%s/holdings?asOf=2024-01-31",
            "/api/v1/accounts/%s/holdings/stream",
            "/api/v1/accounts/%s/monthly-balances",
            "/api/v1/accounts/%s/transactions",
            "/api/v1/accounts/%s/valuation",
            "/api/v1/accounts/%s/changes",
            "/api/v1/accounts/%s/holdings?knownAt=2024-01-31T00:00:00Z",
            "/api/v1/lineage/holdings/%s/EUR",
            "/api/v1/lineage/monthly-balances/%s/EUR/2024-01");

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final String account = "iso-" + UUID.randomUUID().toString().substring(0, 8);
    private LedgerScenario ledger;
    private long last;

    @BeforeEach
    void alicesAccount() {
        ledger = new LedgerScenario(events);
        ledger.open(account, alice);
        last = ledger.record(account, "d1", alice, new CashDepositedEvent(id(account), tx("d1"), eur("100.00"),
                null, day("2024-01-03"), null, List.of(cash("100.00"), leg(LegType.EXTERNAL, "EUR", "-100.00"))));
    }

    @Test
    void anotherUserReadsNothingOfTheAccountByAnyPathAndIsAnsweredAsForNoAccount() {
        String bobs = TestTokens.bearer(bob, Role.OWNER, Role.VIEWER);
        for (String path : ACCOUNT_READS) {
            JsonNode refused = problem(get(path.formatted(account), bobs), 404);
            JsonNode missing = problem(get(path.formatted("iso-none"), bobs), 404);

            assertThat(refused.get("rule").asText()).as(path).isEqualTo("account-not-found");
            assertThat(refused.get("detail").asText()).as(path)
                    .isEqualTo(missing.get("detail").asText().replace("iso-none", account));
            assertThat(get(path.formatted(account), TestTokens.bearer(alice, Role.OWNER)).status())
                    .as(path).isEqualTo(200);
        }
    }

    @Test
    void aForgedUserHeaderChangesNothing() {
        var answer = http.get().uri("/api/v1/accounts/{id}/holdings?minPosition={p}", account, last)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(bob, Role.OWNER))
                .header("X-User", alice)
                .exchange().expectBody().returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(404);
    }

    @Test
    void aViewerReadsOnceGrantedAndNoMoreOnceRevokedAndTheStreamEnds() {
        String bobs = TestTokens.bearer(bob, Role.VIEWER);
        problem(get("/api/v1/accounts/%s/holdings".formatted(account), bobs), 404);

        last = ledger.record(account, "g1", alice, new AccessGrantedEvent(id(account), bob, AccessLevel.VIEWER));
        assertThat(get("/api/v1/accounts/%s/holdings".formatted(account), bobs).status()).isEqualTo(200);
        assertThat(get("/api/v1/accounts/%s/transactions".formatted(account), bobs).status())
                .isEqualTo(200);
        Flux<String> stream = http.get().uri("/api/v1/accounts/{id}/holdings/stream", account)
                .header(HttpHeaders.AUTHORIZATION, bobs).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var ended = stream.doOnNext(seen::add).then().toFuture();
        EventAppender.await(() -> !seen.isEmpty());

        last = ledger.record(account, "r1", alice, new AccessRevokedEvent(id(account), bob));

        problem(get("/api/v1/accounts/%s/holdings".formatted(account), bobs), 404);
        problem(get("/api/v1/lineage/holdings/%s/EUR".formatted(account), bobs), 404);
        EventAppender.await(ended::isDone);
        assertThat(seen).hasSize(1);
    }

    @Test
    void auditorsReadLineageAndTheAuditTrailAcrossAccountsSignInsIncludedButNoAccountRows() {
        String auditor = TestTokens.bearer("auditor-" + UUID.randomUUID(), Role.AUDITOR);
        String stream = "user/" + alice;
        events.append("user", stream, new UserCreatedEvent(alice, List.of(Role.OWNER)), "admin-1", "corr-u1");
        events.append("user", stream, new UserSignedInEvent(alice, "finflow-dashboard", "192.0.2.0/24"), alice,
                "corr-u2");
        last = events.append("user", stream, new SignInFailedEvent(alice, SignInFailure.BAD_PASSWORD, null,
                "192.0.2.0/24"), null, "corr-u3");

        assertThat(get("/api/v1/lineage/holdings/%s/EUR".formatted(account), auditor).status())
                .isEqualTo(200);
        assertThat(auditTrail("aggregate=" + account, auditor)).containsOnly(account).hasSize(2);
        assertThat(get("/api/v1/accounts/%s/holdings".formatted(account), auditor).status())
                .isEqualTo(403);
        JsonNode signIns = Json.parse(get("/api/v1/audit/events?aggregate=" + stream, auditor).body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signIns.get("items").findValuesAsText("type")).containsExactly("UserCreatedEvent",
                "UserSignedInEvent", "SignInFailedEvent");
        assertThat(signIns.at("/items/1/principal").asText()).isEqualTo(alice);
        assertThat(signIns.at("/items/1/payload/origin").asText()).isEqualTo("192.0.2.0/24");
        assertThat(signIns.at("/items/2/payload/reason").asText()).isEqualTo("BAD_PASSWORD");
        assertThat(auditTrail("aggregate=" + stream, TestTokens.bearer(alice, Role.OWNER))).isEmpty();
    }

    @Test
    void ownersAndViewersReadTheAuditTrailOfTheirGrantedAccountsOnlyWhateverTheyFilterOn() {
        String bobs = "iso-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.open(bobs, bob);
        last = ledger.record(bobs, "d2", bob, new CashDepositedEvent(id(bobs), tx("d2"), eur("5.00"), null,
                day("2024-01-04"), null, List.of(cash("5.00"), leg(LegType.EXTERNAL, "EUR", "-5.00"))));
        String alices = TestTokens.bearer(alice, Role.OWNER);
        String bobAsViewer = TestTokens.bearer(bob, Role.VIEWER);

        assertThat(auditTrail("", alices)).containsOnly(account).hasSize(2);
        assertThat(auditTrail("aggregate=" + bobs, alices)).isEmpty();
        assertThat(auditTrail("principal=" + bob, alices)).isEmpty();
        assertThat(auditTrail("", bobAsViewer)).containsOnly(bobs);
        assertThat(auditTrail("", TestTokens.bearer("carol-" + UUID.randomUUID(), Role.VIEWER))).isEmpty();
        String ndjson = http.get().uri("/api/v1/audit/events").header(HttpHeaders.AUTHORIZATION, alices)
                .accept(MediaType.APPLICATION_NDJSON).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(ndjson.lines().map(line -> Json.parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get("aggregateId").asText())).containsOnly(account).hasSize(2);

        last = ledger.record(account, "g2", alice, new AccessGrantedEvent(id(account), bob, AccessLevel.VIEWER));
        assertThat(auditTrail("", bobAsViewer)).containsOnly(account, bobs);
    }

    @Test
    void theAccountListShowsEachCallerTheAccountsGrantedToThemAndAnAdminEveryAccount() {
        String bobs = "iso-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.open(bobs, bob);
        last = ledger.record(account, "g3", alice, new AccessGrantedEvent(id(account), bob, AccessLevel.VIEWER));

        assertThat(accounts(TestTokens.bearer(alice, Role.OWNER))).containsExactly(account + " OWNER");
        assertThat(accounts(TestTokens.bearer(bob, Role.OWNER, Role.VIEWER)))
                .containsExactlyInAnyOrder(account + " VIEWER", bobs + " OWNER");
        assertThat(accounts(TestTokens.bearer("carol-" + UUID.randomUUID(), Role.OWNER))).isEmpty();
        assertThat(accounts(TestTokens.bearer("admin-" + UUID.randomUUID(), Role.ADMIN)))
                .contains(account + " null", bobs + " null");

        last = ledger.record(account, "r3", alice, new AccessRevokedEvent(id(account), bob));
        assertThat(accounts(TestTokens.bearer(bob, Role.VIEWER))).containsExactly(bobs + " OWNER");
    }

    /** "account level" of every account the caller's list shows. */
    private List<String> accounts(String token) {
        Answer answer = get("/api/v1/accounts", token);
        assertThat(answer.status()).as(answer.uri()).isEqualTo(200);
        List<String> rows = new java.util.ArrayList<>();
        Json.parse(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .forEach(row -> rows.add(row.get("accountId").asText() + " " + row.get("level").asText()));
        return rows;
    }

    /** The aggregates of the audit trail's events the caller reads with this filter (after the last event). */
    private List<String> auditTrail(String filter, String token) {
        Answer answer = get("/api/v1/audit/events" + (filter.isEmpty() ? "" : "?" + filter), token);
        assertThat(answer.status()).as(answer.uri()).isEqualTo(200);
        return Json.parse(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("items")
                .findValuesAsText("aggregateId");
    }

    private record Answer(String uri, int status, String body) {
    }

    /** A read after the last stored event was applied; of a stream, its first event. */
    private Answer get(String path, String token) {
        String uri = path + (path.contains("?") ? "&" : "?") + "minPosition=" + last;
        var result = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token)
                .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange().returnResult(String.class);
        Flux<String> body = result.getResponseBody();
        String text = path.contains("/stream") && result.getStatus().is2xxSuccessful()
                ? body.blockFirst(Duration.ofSeconds(20))
                : String.join("", body.collectList().block(Duration.ofSeconds(20)));
        return new Answer(uri, result.getStatus().value(), text);
    }

    private static JsonNode problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.uri()).isEqualTo(status);
        return Json.parse(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
