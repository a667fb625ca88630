package dev.finflow.ml.deadletters;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor that makes no progress while events wait (its handler blocks on a table another transaction holds)
 * turns readiness DOWN after the stall timeout, shows {@code stalled} in the admin API and the gauge, and comes back
 * UP once it has applied the waiting events. An idle processor that is caught up is never stalled.
 */
@MlTest
@TestPropertySource(properties = "finflow.processors.stall-timeout=3s")
class ProcessorHealthTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    WebTestClient http;
    @Autowired
    DataSource dataSource;
    @Autowired
    Map<String, HealthIndicator> health;
    @Autowired
    MeterRegistry meters;

    @Test
    void aProcessorThatMakesNoProgressWhileEventsWaitTurnsReadinessDownUntilItCatchesUp() throws Exception {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table ml.account_amount in access exclusive mode");
            }
            deposit(events, "stall-1", "waits");
            long waiting = head();

            MarketEvents.await(() -> stalled("ledger-anomalies"));
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            assertThat(health.get("processors").health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.get("processors").health().getDetails())
                    .containsEntry("stalled", List.of("ledger-anomalies"));
            http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.name == 'ledger-anomalies')].stalled").isEqualTo(List.of(true))
                    .jsonPath("$[?(@.name == 'ledger-anomalies')].head").isEqualTo(List.of((int) waiting))
                    .jsonPath("$[?(@.name == 'ledger-anomalies')].position").value(positions ->
                            assertThat(((Number) ((List<?>) positions).get(0)).longValue()).isLessThan(waiting))
                    .jsonPath("$[?(@.name == 'features')].stalled").isEqualTo(List.of(false));
            assertThat(meters.get("finflow.processor.stalled").tag("projection", "ledger-anomalies").gauge()
                    .value()).isEqualTo(1.0);
            blocker.rollback();
        }

        long head = head();
        MarketEvents.await(() -> statuses().stream().allMatch(p -> ((Number) p.get("position")).longValue() == head
                && p.get("stalled").equals(false)));
        assertThat(jdbc.queryForObject("select count(*) from ml.account_amount where account_id = 'stall-1'",
                Long.class)).isEqualTo(1);
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(meters.get("finflow.processor.stalled").tag("projection", "ledger-anomalies").gauge()
                .value()).isZero();
    }

    private boolean stalled(String processor) {
        return statuses().stream().anyMatch(p -> p.get("name").equals(processor) && p.get("stalled").equals(true));
    }

    private List<Map<String, Object>> statuses() {
        return http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
    }

    private static void deposit(MarketEvents events, String account, String transaction) {
        BigDecimal amount = new BigDecimal("10.00");
        Money money = new Money(amount, Currency.getInstance("EUR"));
        events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account),
                new TransactionId(transaction), money, null, LocalDate.of(2016, 1, 4), null, List.of(
                new Leg(LegType.CASH, "EUR", amount, amount),
                new Leg(LegType.EXTERNAL, "EUR", amount.negate(), amount.negate()))));
    }
}
