package dev.finflow.ml.anomalies;

import dev.finflow.events.identity.Role;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.Bar;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.finflow.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@MlTest
class AnomalyTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aCrashIsAnAnomalyUntilTheBarIsCorrected() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        List<Bar> bars = new ArrayList<>(MarketEvents.realBars("GOOGL").subList(0, 120));
        Bar real = bars.get(100);
        Bar crash = MarketEvents.bar(real.date(), real.close().multiply(new BigDecimal("0.7")), real.volume());
        bars.set(100, crash);
        events.ingest("GOOGL", bars);
        events.awaitProjected();
        http.get().uri("/api/v1/anomalies?kind=PRICE_RETURN&symbol=GOOGL").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.anomalies.length()").isEqualTo(2) // the crash and the rebound the day after
                .jsonPath("$.anomalies[0].occurredOn").isEqualTo(real.date().toString())
                .jsonPath("$.anomalies[0].score").value(score -> org.assertj.core.api.Assertions
                        .assertThat(((Number) score).doubleValue()).isLessThan(-6))
                .jsonPath("$.anomalies[0].reason").value(reason -> org.assertj.core.api.Assertions
                        .assertThat((String) reason).contains("robust z-scores"));

        events.correct("GOOGL", crash, real);
        events.awaitProjected();
        http.get().uri("/api/v1/anomalies?kind=PRICE_RETURN&symbol=GOOGL").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.anomalies.length()").isEqualTo(0);
    }

    private static final String[] AMOUNTS = {"120.00", "95.50", "110.00", "101.00", "99.99", "130.00", "80.00",
            "100.00", "105.00", "90.00", "115.00", "98.00", "25000.00", "102.00"};

    private static void deposits(MarketEvents events, String account, String principal) {
        for (int i = 0; i < AMOUNTS.length; i++) {
            Money money = Money.of(AMOUNTS[i], "EUR");
            events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account),
                    new TransactionId("t" + i), money, null, LocalDate.of(2016, 1, 1).plusDays(i), null, List.of(
                    new Leg(LegType.CASH, "EUR", money.amount(), money.amount()),
                    new Leg(LegType.EXTERNAL, "EUR", money.amount().negate(), money.amount().negate()))),
                    principal);
        }
    }

    @Test
    void anAmountFarOutsideTheAccountsHistoryIsAnAnomaly() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        deposits(events, "acc-7", "someone");
        events.awaitProjected();
        http.get().uri("/api/v1/anomalies?kind=TRANSACTION&account=acc-7").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.anomalies.length()").isEqualTo(1)
                .jsonPath("$.anomalies[0].value").isEqualTo(25000.0)
                .jsonPath("$.anomalies[0].occurredOn").isEqualTo("2016-01-13")
                .jsonPath("$.anomalies[0].reason").value(reason -> org.assertj.core.api.Assertions
                        .assertThat((String) reason).startsWith("CashDeposited of 25000.00"));
        http.get().uri("/api/v1/anomalies?kind=TRANSACTION&account=acc-other").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.anomalies.length()").isEqualTo(0);
    }

    /**
     * A ledger anomaly is for the readers of its account only (owners, granted viewers, admins): another user does
     * not see it in the list, and naming the account answers as for one that does not exist.
     */
    @Test
    void ledgerAnomaliesAreShownOnlyToTheirAccountsReaders() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        events.appendTo("Account", "acc-iso", new AccountOpenedEvent(new AccountId("acc-iso"), "Main",
                java.util.Currency.getInstance("EUR"), BigDecimal.ZERO, LocalDate.of(2016, 1, 1)), "alice");
        deposits(events, "acc-iso", "alice");
        events.awaitProjected();
        String alice = TestTokens.bearer("alice", Role.OWNER);
        String bob = TestTokens.bearer("bob", Role.OWNER, Role.VIEWER);

        anomalies("?account=acc-iso", alice).expectStatus().isOk().expectBody()
                .jsonPath("$.anomalies.length()").isEqualTo(1);
        anomalies("?account=acc-iso", bob).expectStatus().isNotFound().expectBody()
                .jsonPath("$.rule").isEqualTo("account-not-found");
        anomalies("?kind=TRANSACTION", bob).expectStatus().isOk().expectBody()
                .jsonPath("$.anomalies[?(@.accountId == 'acc-iso')]").doesNotExist();
        anomalies("?kind=TRANSACTION", alice).expectStatus().isOk().expectBody()
                .jsonPath("$.anomalies[?(@.accountId == 'acc-7')]").doesNotExist();

        events.appendTo("Account", "acc-iso", new AccessGrantedEvent(new AccountId("acc-iso"), "bob",
                AccessLevel.VIEWER), "alice");
        events.awaitProjected();
        anomalies("?account=acc-iso", bob).expectStatus().isOk().expectBody()
                .jsonPath("$.anomalies.length()").isEqualTo(1);

        events.appendTo("Account", "acc-iso", new AccessRevokedEvent(new AccountId("acc-iso"), "bob"), "alice");
        events.awaitProjected();
        anomalies("?account=acc-iso", bob).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec anomalies(String query, String token) {
        return http.get().uri("/api/v1/anomalies" + query).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }
}
