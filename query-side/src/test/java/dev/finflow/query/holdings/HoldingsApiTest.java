package dev.finflow.query.holdings;

import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.finflow.query.LedgerScenario.trade;
import static org.assertj.core.api.Assertions.assertThat;

/** Holdings after the ledger scenario: exact figures now, as of dates around the reversal and a month end. */
@QuerySideTest
class HoldingsApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    void holdingsAfterTheLedgerScenarioAreExactNowAndAsOfEarlierDates() {
        LedgerScenario scenario = new LedgerScenario(events).run("h-1", "h-2");
        long last = scenario.last();

        JsonNode now = holdings("h-1", null, last);
        assertThat(now.get("holdings")).hasSize(2);
        assertThat(row(now, 0)).isEqualTo("EUR CASH 8686.20 null 8686.20 0");
        assertThat(row(now, 1)).isEqualTo("AAPL SECURITY 6 150.10 900.60 78.60");
        // Before the reversal of the fee, and on the day it was reversed (before the transfer).
        assertThat(row(holdings("h-1", "2024-02-29", last), 0)).isEqualTo("EUR CASH 9183.70 null 9183.70 0");
        assertThat(row(holdings("h-1", "2024-03-01", last), 0)).isEqualTo("EUR CASH 9186.20 null 9186.20 0");
        // Across the month boundary: at the end of January nothing was sold yet.
        JsonNode january = holdings("h-1", "2024-01-31", last);
        assertThat(row(january, 0)).isEqualTo("EUR CASH 8499.00 null 8499.00 0");
        assertThat(row(january, 1)).isEqualTo("AAPL SECURITY 10 150.10 1501.00 0");
        assertThat(row(holdings("h-1", "2024-02-05", last), 1)).isEqualTo("AAPL SECURITY 6 150.10 900.60 78.60");
        assertThat(row(holdings("h-2", null, last), 0)).isEqualTo("EUR CASH 500.00 null 500.00 0");
        assertThat(holdings("h-1", "2024-01-02", last).get("holdings")).isEmpty();
    }

    @Test
    void aSplitMultipliesUnitsFromItsDateAndABackdatedTradeIsFoldedInBeforeIt() {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open("sp-1", "alice");
        ledger.record("sp-1", "b1", "alice", trade("sp-1", "b1", TradeSide.BUY, "MSFT", "10", "100", "2024-01-10",
                "1000.00"));
        ledger.record("instrument/MSFT", "split", "feed", new SplitRecordedEvent(new Symbol("MSFT"),
                LocalDate.parse("2024-02-01"), new BigDecimal("4"), BigDecimal.ONE, "test"));
        long sold = ledger.record("sp-1", "s1", "alice", trade("sp-1", "s1", TradeSide.SELL, "MSFT", "8", "30",
                "2024-03-01", "240.00"));

        assertThat(row(holdings("sp-1", "2024-01-31", sold), 1)).isEqualTo("MSFT SECURITY 10 100.00 1000.00 0");
        assertThat(row(holdings("sp-1", "2024-02-01", sold), 1)).isEqualTo("MSFT SECURITY 40 25.00 1000.00 0");
        assertThat(row(holdings("sp-1", null, sold), 1)).isEqualTo("MSFT SECURITY 32 25.00 800.00 40.00");

        long backdated = ledger.record("sp-1", "b0", "alice", trade("sp-1", "b0", TradeSide.BUY, "MSFT", "2",
                "110", "2024-01-20", "220.00"));

        assertThat(row(holdings("sp-1", "2024-01-31", backdated), 1))
                .isEqualTo("MSFT SECURITY 12 101.666667 1220.00 0");
        assertThat(row(holdings("sp-1", "2024-02-01", backdated), 1))
                .isEqualTo("MSFT SECURITY 48 25.416667 1220.00 0");
        assertThat(row(holdings("sp-1", null, backdated), 1))
                .isEqualTo("MSFT SECURITY 40 25.41675 1016.67 36.67");
    }

    @Test
    void unknownAccountsAndBadDatesAreProblems() {
        http.get().uri("/api/v1/accounts/nobody/holdings").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/account-not-found");
        http.get().uri("/api/v1/accounts/nobody/holdings?asOf=2024-13-01").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-date")
                .jsonPath("$.parameter").isEqualTo("asOf");
    }

    @Test
    void aReadThatWaitsForAPositionNeverReachedAnswers503WithRetryAfter() {
        http.get().uri("/api/v1/accounts/nobody/holdings?minPosition=999999999").exchange()
                .expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/projection-behind");
    }

    private JsonNode holdings(String account, String asOf, long minPosition) {
        return Json.parse(http.get().uri(uri -> uri.path("/api/v1/accounts/{id}/holdings")
                        .queryParam("minPosition", minPosition)
                        .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf)).build(account))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** asset, kind, quantity, average cost, cost basis, realised P/L of the i-th holding, decimals as sent. */
    private static String row(JsonNode body, int i) {
        String at = "/holdings/" + i + "/";
        return body.at(at + "asset").asText() + " " + body.at(at + "kind").asText() + " "
                + Json.dec(body, at + "quantity") + " " + Json.dec(body, at + "averageCost") + " "
                + Json.dec(body, at + "costBasis") + " " + Json.dec(body, at + "realizedPl");
    }
}
