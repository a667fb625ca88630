package dev.finflow.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.privacy.PersonErasedEvent;
import dev.finflow.runtime.keys.PersonKeys;
import dev.finflow.runtime.keys.PersonalData;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.query.verify.domain.Verification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.Currency;
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
 * Read models keep personal text sealed and open it for readers: the transaction list's memos and the audit
 * trail's payloads read as written until the person is erased and as [erased] after, while verify, a rebuild and
 * the balances are as before.
 */
@QuerySideTest
class ErasedReadsTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    PersonalData personalData;
    @Autowired
    PersonKeys keys;

    private final String person = "p-" + UUID.randomUUID();
    private final String account = "er-" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = "Name " + UUID.randomUUID();
    private final String memo = "Memo " + UUID.randomUUID();

    @Test
    void memosAndNamesReadAsWrittenUntilErasedThenAsErasedWithVerifyRebuildAndBalancesUnchanged() {
        PersonalData.Sealer sealer = personalData.sealer(person);
        events.append("Account", account, new AccountOpenedEvent(id(account), sealer.seal(name),
                Currency.getInstance("EUR"), BigDecimal.ZERO, day("2024-01-02")), person, "c-1");
        String sealedMemo = sealer.seal(memo);
        events.append("Account", account, new CashDepositedEvent(id(account), tx("d1"), eur("100.00"),
                null, day("2024-01-03"), sealedMemo, List.of(cash("100.00"),
                        leg(LegType.EXTERNAL, "EUR", "-100.00"))), person, "c-2");
        // A sealed value copied into a field that is not personal text is shown as stored, never opened.
        long last = events.append("Account", account, new AccessGrantedEvent(id(account), sealedMemo,
                AccessLevel.VIEWER), person, "c-3");
        events.awaitAllApplied(catalog, last);

        assertThat(memos()).containsExactly(memo);
        assertThat(auditPayloads()).contains(name, memo, "\"userId\":\"" + sealedMemo + "\"");
        assertThat(auditStream()).contains(name, memo);
        String holdings = holdings();
        assertThat(storedText()).doesNotContain(name, memo);

        keys.delete(person);
        events.awaitAllApplied(catalog, events.append("person", "person/" + person, new PersonErasedEvent(person),
                "admin-1", "c-4"));

        assertThat(memos()).containsExactly("[erased]");
        assertThat(auditPayloads()).doesNotContain(name, memo).contains("\"name\":\"[erased]\"",
                "\"memo\":\"[erased]\"", "\"personId\":\"" + person + "\"");
        assertThat(auditStream()).doesNotContain(name, memo).contains("\"memo\":\"[erased]\"");
        assertThat(holdings()).isEqualTo(holdings);
        for (Projection projection : catalog.projections()) {
            assertThat(verify(projection.name()).differences()).as(projection.name()).isEmpty();
        }
        int version = active("transactions");
        http.post().uri("/api/v1/admin/projections/transactions/rebuild").exchange().expectStatus().isAccepted();
        EventAppender.await(() -> active("transactions") == version + 1);
        assertThat(memos()).containsExactly("[erased]");
        assertThat(verify("transactions").differences()).isEmpty();
    }

    @Test
    void aDeadLetterHoldsOnlySealedTextAndARetryAfterTheErasureReadsErased() {
        String table = catalog.tables("transactions").name("account_transaction");
        jdbc.execute("alter table " + table + " add constraint erasure_poison check (account_id <> '" + account
                + "')");
        PersonalData.Sealer sealer = personalData.sealer(person);
        events.append("Account", account, new AccountOpenedEvent(id(account), sealer.seal(name),
                Currency.getInstance("EUR"), BigDecimal.ZERO, day("2024-01-02")), person, "c-1");
        events.append("Account", account, new CashDepositedEvent(id(account), tx("d1"), eur("100.00"), null,
                day("2024-01-03"), sealer.seal(memo), List.of(cash("100.00"), leg(LegType.EXTERNAL, "EUR",
                        "-100.00"))), person, "c-2");
        EventAppender.await(() -> jdbc.queryForObject("select count(*) from query.dead_letter_entry", Long.class) > 0);

        String letters = String.join("", jdbc.queryForList("select t::text from query.dead_letter_entry t",
                String.class));
        assertThat(letters).contains("sealed:v1:" + person + ":").doesNotContain(name, memo);

        keys.delete(person);
        events.append("person", "person/" + person, new PersonErasedEvent(person), "admin-1", "c-3");
        jdbc.execute("alter table " + table + " drop constraint erasure_poison");
        http.post().uri("/api/v1/admin/projections/transactions/dead-letters/retry?sequence={account}", account)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(1);

        assertThat(memos()).containsExactly("[erased]");
    }

    private List<String> memos() {
        JsonNode page = Json.parse(http.get().uri("/api/v1/accounts/{id}/transactions", account).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return page.get("items").findValuesAsText("memo");
    }

    private String auditPayloads() {
        return new String(http.get().uri("/api/v1/audit/events?limit=1000").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private String auditStream() {
        return new String(http.get().uri("/api/v1/audit/events").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private String holdings() {
        return new String(http.get().uri("/api/v1/accounts/{id}/holdings", account).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    /** Every text column of the query schema, as one string. */
    private String storedText() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'query' and table_type = 'BASE TABLE'", String.class)) {
            jdbc.queryForList("select t::text from query." + table + " t", String.class).forEach(all::append);
        }
        return all.toString();
    }

    private Verification verify(String projection) {
        return http.get().uri("/api/v1/admin/projections/{name}/verify", projection).exchange()
                .expectStatus().isOk().expectBody(Verification.class).returnResult().getResponseBody();
    }

    private int active(String name) {
        return jdbc.queryForObject("select active_version from query.projection_version where name = ?",
                Integer.class, name);
    }
}
