package dev.finflow.runtime.projection;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events a projection cannot apply, written straight into the store as legacy data: each becomes a dead letter of
 * its account only (later events of that account queue behind it), the projection shows DEGRADED and goes on with
 * every other account, readiness stays UP with a DEGRADED detail, and an admin retries or evicts. A projection that
 * makes no progress while events wait turns readiness DOWN.
 */
@QuerySideTest
@TestPropertySource(properties = "finflow.query.projections.stall-timeout=3s")
class DeadLetterTest {

    private static final List<String> LEDGER = List.of("holdings", "monthly-balances", "transactions", "audit");

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    ProjectionMonitor monitor;
    @Autowired
    WebTestClient http;
    @Autowired
    DataSource dataSource;
    @Autowired
    Map<String, HealthIndicator> health;

    @Test
    void aFailingEventIsDeadLetteredAndAppliedOnceByARetryOnceItsCauseIsFixed() {
        String table = catalog.tables("transactions").name("account_transaction");
        jdbc.execute("alter table " + table + " add constraint no_poison_a check (memo is distinct from 'poison')");
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("dl-a1", "alice");
        scenario.open("dl-a2", "alice");
        scenario.record("dl-a1", "a-poison", "alice", deposit("dl-a1", "a-poison", "10.00", day("2024-01-03"),
                "poison"));
        scenario.record("dl-a1", "a-behind", "alice", deposit("dl-a1", "a-behind", "5.00", day("2024-01-04"),
                "fine"));
        long last = scenario.record("dl-a2", "a-other", "alice", deposit("dl-a2", "a-other", "20.00",
                day("2024-01-04"), "fine"));

        awaitStatus("transactions", last, "DEGRADED");
        assertThat(monitor.status("transactions").orElseThrow().deadLetters()).isEqualTo(2);
        assertThat(rows(table, "dl-a1")).isZero();
        assertThat(rows(table, "dl-a2")).isEqualTo(1);
        http.get().uri("/api/v1/admin/projections/transactions/dead-letters").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].sequence").isEqualTo("dl-a1")
                .jsonPath("$[0].position").isEqualTo(scenario.positions.get("a-poison"))
                .jsonPath("$[0].causeMessage").value(message -> assertThat((String) message).contains("no_poison_a"))
                .jsonPath("$[1].causeType").doesNotExist();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(health.get("projections").health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.get("projections").health().getDetails()).containsEntry("state", "DEGRADED");

        http.post().uri("/api/v1/admin/projections/transactions/dead-letters/retry?sequence=dl-a1").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("dead-letter-still-failing");
        jdbc.execute("alter table " + table + " drop constraint no_poison_a");
        http.post().uri("/api/v1/admin/projections/transactions/dead-letters/retry?sequence=dl-a1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(2)
                .jsonPath("$.remaining").isEqualTo(0);

        awaitStatus("transactions", last, "LIVE");
        assertThat(rows(table, "dl-a1")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where memo = 'poison'", Long.class))
                .isEqualTo(1);
        http.post().uri("/api/v1/admin/projections/transactions/dead-letters/retry?sequence=dl-a1").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.rule").isEqualTo("dead-letter-not-found");
    }

    @Test
    void anEvictionIsRecordedAndLetsTheSequenceGoOn() {
        String table = catalog.tables("transactions").name("account_transaction");
        jdbc.execute("alter table " + table + " add constraint no_poison_b check (memo is distinct from 'evict me')");
        try {
            LedgerScenario scenario = new LedgerScenario(events);
            scenario.open("dl-b1", "alice");
            scenario.record("dl-b1", "b-poison", "alice", deposit("dl-b1", "b-poison", "10.00",
                    day("2024-01-03"), "evict me"));
            long last = scenario.record("dl-b1", "b-behind", "alice", deposit("dl-b1", "b-behind", "5.00",
                    day("2024-01-04"), "fine"));
            awaitStatus("transactions", last, "DEGRADED");
            String poisonId = eventId(scenario.positions.get("b-poison"));

            http.post().uri("/api/v1/admin/projections/transactions/dead-letters/{id}/evict?reason=bad memo",
                    poisonId).exchange().expectStatus().isOk().expectBody().jsonPath("$.eventId").isEqualTo(poisonId);

            awaitStatus("transactions", last, "LIVE");
            assertThat(jdbc.queryForMap("select processing_group, sequence_identifier, evicted_by, reason, "
                    + "evicted_at is not null as stamped from query.dead_letter_eviction where event_identifier = ?",
                    poisonId)).containsEntry("processing_group", catalog.tables("transactions").processorName())
                    .containsEntry("sequence_identifier", "dl-b1")
                    .containsEntry("evicted_by", TestTokens.DEFAULT_SUBJECT)
                    .containsEntry("reason", "bad memo").containsEntry("stamped", true);
            assertThat(rows(table, "dl-b1")).isEqualTo(1); // the one behind, not the evicted one
            http.post().uri("/api/v1/admin/projections/transactions/dead-letters/{id}/evict", poisonId).exchange()
                    .expectStatus().isNotFound();
        } finally {
            jdbc.execute("alter table " + table + " drop constraint no_poison_b");
        }
    }

    @Test
    void aDatePostgresqlCannotHoldPoisonsOnlyItsOwnAccountInEveryLedgerProjection() {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("dl-c1", "alice");
        scenario.open("dl-c2", "alice");
        scenario.record("dl-c1", "c-far", "alice", deposit("dl-c1", "c-far", "10.00", LocalDate.of(6_000_000, 1, 1),
                null));
        long last = scenario.record("dl-c2", "c-other", "alice", deposit("dl-c2", "c-other", "20.00",
                day("2024-01-04"), null));
        String farId = eventId(scenario.positions.get("c-far"));

        for (String projection : LEDGER) {
            awaitStatus(projection, last, "DEGRADED");
            assertThat(monitor.status(projection).orElseThrow().position()).as(projection).isEqualTo(monitor.head());
            http.get().uri("/api/v1/admin/projections/{name}/dead-letters", projection).exchange().expectStatus()
                    .isOk().expectBody().jsonPath("$[?(@.sequence == 'dl-c1')].eventId").isEqualTo(List.of(farId))
                    .jsonPath("$[?(@.sequence == 'dl-c2')]").isEmpty();
        }
        http.get().uri("/api/v1/accounts/dl-c2/holdings").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.holdings.length()").isEqualTo(1).jsonPath("$.holdings[0].quantity")
                .value(quantity -> assertThat(new BigDecimal(quantity.toString())).isEqualByComparingTo("20"));
        http.get().uri("/api/v1/accounts/dl-c2/transactions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        for (String projection : LEDGER) {
            http.post().uri("/api/v1/admin/projections/{name}/dead-letters/{id}/evict?reason=year 6000000",
                    projection, farId).exchange().expectStatus().isOk();
            awaitStatus(projection, last, "LIVE");
        }
    }

    @Test
    void aProjectionThatMakesNoProgressWhileEventsWaitTurnsReadinessDown() throws Exception {
        String table = catalog.tables("audit").name(catalog.tables("audit").bases().get(0));
        LedgerScenario scenario = new LedgerScenario(events);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table " + table + " in access exclusive mode");
            }
            long waiting = scenario.open("dl-d1", "alice");

            EventAppender.await(() -> monitor.status("audit").map(ProjectionStatus::stalled).orElse(false));
            assertThat(monitor.status("audit").orElseThrow().position()).isLessThan(waiting);
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            assertThat(health.get("projections").health().getDetails()).containsEntry("stalled", List.of("audit"));
            blocker.rollback();

            awaitStatus("audit", waiting, "LIVE");
            EventAppender.await(() -> !monitor.status("audit").orElseThrow().stalled());
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        }
    }

    private static CashDepositedEvent deposit(String account, String tx, String amount, LocalDate day, String memo) {
        return new CashDepositedEvent(id(account), tx(tx), eur(amount), null, day, memo,
                List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount)));
    }

    /** Waits until {@code projection} has applied (or put aside) {@code position} and shows {@code state}. */
    private void awaitStatus(String projection, long position, String state) {
        EventAppender.await(() -> monitor.status(projection).filter(s -> s.position() >= position
                && s.state().equals(state)).isPresent());
    }

    private long rows(String table, String account) {
        return jdbc.queryForObject("select count(*) from " + table + " where account_id = ?", Long.class, account);
    }

    private String eventId(long position) {
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where global_index = ?",
                String.class, position);
    }
}
