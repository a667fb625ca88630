package dev.finflow.ml.deadletters;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import dev.finflow.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger events the ml-projector cannot store, written straight into the store as legacy data: each becomes a
 * dead letter of its account in ledger-anomalies (later events of that account queue behind it), the processor
 * shows DEGRADED and keeps every other account current, readiness stays UP, and an admin retries or evicts.
 */
@MlTest
class DeadLetterTest {

    private static final String PROCESSOR = "/api/v1/admin/processors/ledger-anomalies";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    WebTestClient http;
    @Autowired
    Map<String, HealthIndicator> health;

    @Test
    void aDatePostgresqlCannotHoldIsDeadLetteredInItsAccountOnlyAndAnEvictionLetsTheAccountGoOn() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        deposit(events, "far-1", "far", LocalDate.of(6_000_000, 1, 1));
        deposit(events, "far-1", "behind", LocalDate.of(2016, 1, 2));
        deposit(events, "near-1", "near", LocalDate.of(2016, 1, 2));
        events.awaitProjected();

        assertThat(amounts("near-1")).isEqualTo(1);
        assertThat(amounts("far-1")).isZero();
        http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'ledger-anomalies')].state").isEqualTo(List.of("DEGRADED"))
                .jsonPath("$[?(@.name == 'ledger-anomalies')].deadLetters").isEqualTo(List.of(2))
                .jsonPath("$[?(@.name == 'features')].state").isEqualTo(List.of("LIVE"));
        String farId = eventId("far");
        http.get().uri(PROCESSOR + "/dead-letters").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].eventId").isEqualTo(farId).jsonPath("$[0].sequence").isEqualTo("far-1")
                .jsonPath("$[0].causeMessage").value(m -> assertThat((String) m).contains("out of range"))
                .jsonPath("$[1].sequence").isEqualTo("far-1");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(health.get("processors").health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.get("processors").health().getDetails()).containsEntry("state", "DEGRADED");

        http.post().uri(PROCESSOR + "/dead-letters/retry?sequence=far-1").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("dead-letter-still-failing");
        http.post().uri(PROCESSOR + "/dead-letters/{id}/evict?reason=year 6000000", farId).exchange()
                .expectStatus().isOk();

        assertThat(amounts("far-1")).isEqualTo(1); // the one behind, applied once the poison was evicted
        assertThat(jdbc.queryForMap("select processing_group, evicted_by, reason from ml.dead_letter_eviction "
                + "where event_identifier = ?", farId)).containsEntry("processing_group", "ledger-anomalies")
                .containsEntry("evicted_by", TestTokens.DEFAULT_SUBJECT).containsEntry("reason", "year 6000000");
        http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.state != 'LIVE')]").isEmpty();
    }

    @Test
    void aFailingHandlerIsRetriedOnceItsCauseIsFixedAndAppliesOnce() {
        jdbc.execute("alter table ml.account_amount add constraint no_flaky check (transaction_id <> 'flaky')");
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        deposit(events, "flaky-1", "flaky", LocalDate.of(2016, 1, 1));
        events.awaitProjected();
        assertThat(amounts("flaky-1")).isZero();

        jdbc.execute("alter table ml.account_amount drop constraint no_flaky");
        http.post().uri(PROCESSOR + "/dead-letters/retry?sequence=flaky-1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.applied").isEqualTo(1);

        assertThat(amounts("flaky-1")).isEqualTo(1);
        http.get().uri(PROCESSOR + "/dead-letters").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.sequence == 'flaky-1')]").isEmpty();
    }

    private static void deposit(MarketEvents events, String account, String transaction, LocalDate day) {
        BigDecimal amount = new BigDecimal("10.00");
        Money money = new Money(amount, Currency.getInstance("EUR"));
        events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account),
                new TransactionId(transaction), money, null, day, null, List.of(
                new Leg(LegType.CASH, "EUR", amount, amount),
                new Leg(LegType.EXTERNAL, "EUR", amount.negate(), amount.negate()))));
    }

    private long amounts(String account) {
        return jdbc.queryForObject("select count(*) from ml.account_amount where account_id = ?", Long.class,
                account);
    }

    private String eventId(String transaction) {
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where payload::text like ?",
                String.class, "%\"transactionId\":\"" + transaction + "\"%");
    }
}
