package dev.finflow.query;

import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.finflow.query.LedgerScenario.trade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read endpoint after the ledger scenario of the foundation issue: exact decimal figures, time travel
 * around the reversal and across a month end, the audit trail and lineage listing exactly the producing events.
 */
@QuerySideTest
class LedgerQueriesTest {

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
    void monthlyBalancesCarryEmptyMonthsForwardAndPageByKeyset() {
        LedgerScenario scenario = new LedgerScenario(events).run("m-1", "m-2");

        JsonNode all = get("/api/v1/accounts/m-1/monthly-balances?minPosition=" + scenario.last());
        assertThat(months(all)).containsExactly(
                "AAPL 2024-01 0 10 0 10", "AAPL 2024-02 10 0 4 6", "AAPL 2024-03 6 0 0 6",
                "EUR 2024-01 0 10000.00 1501.00 8499.00", "EUR 2024-02 8499.00 687.20 2.50 9183.70",
                "EUR 2024-03 9183.70 2.50 500.00 8686.20");
        assertThat(all.get("nextCursor").isNull()).isTrue();

        JsonNode first = get("/api/v1/accounts/m-1/monthly-balances?limit=2");
        assertThat(months(first)).containsExactly("AAPL 2024-01 0 10 0 10", "AAPL 2024-02 10 0 4 6");
        JsonNode second = get("/api/v1/accounts/m-1/monthly-balances?limit=2&cursor="
                + first.get("nextCursor").asText());
        assertThat(months(second)).containsExactly("AAPL 2024-03 6 0 0 6", "EUR 2024-01 0 10000.00 1501.00 8499.00");
        assertThat(months(get("/api/v1/accounts/m-1/monthly-balances?asset=EUR&from=2024-03&to=2024-04")))
                .containsExactly("EUR 2024-03 9183.70 2.50 500.00 8686.20", "EUR 2024-04 8686.20 0 0 8686.20");

        JsonNode lineage = get("/api/v1/lineage/monthly-balances/m-1/EUR/2024-02");
        assertThat(lineage.findValuesAsText("position")).containsExactly(
                pos(scenario, "s1"), pos(scenario, "dv1"), pos(scenario, "f1"));
        assertThat(lineage.findValuesAsText("type")).containsExactly(
                "TradeRecordedEvent", "DividendRecordedEvent", "FeeChargedEvent");
        assertThat(lineage.findValuesAsText("principal")).containsExactly("bob", "bob", "carol");
    }

    @Test
    void transactionsListReversalsBothWaysAndPageByPosition() {
        LedgerScenario scenario = new LedgerScenario(events).run("t-1", "t-2");

        JsonNode all = get("/api/v1/accounts/t-1/transactions?minPosition=" + scenario.last());
        assertThat(all.findValuesAsText("transactionId")).containsExactly("d1", "b1", "s1", "dv1", "f1", "r1", "t1");
        assertThat(all.get("items").findValues("cashAmount").stream().map(n -> n.decimalValue().toPlainString()))
                .containsExactly("10000.00", "-1501.00", "679.00", "8.20", "-2.50", "2.50", "-500.00");
        assertThat(all.at("/items/4/reversedBy").asText()).isEqualTo("r1");
        assertThat(all.at("/items/5/reverses").asText()).isEqualTo("f1");
        assertThat(all.at("/items/6/counterparty").asText()).isEqualTo("t-2");
        assertThat(Json.dec(all, "/items/1/quantity")).isEqualTo("10");

        JsonNode first = get("/api/v1/accounts/t-1/transactions?limit=3");
        assertThat(first.findValuesAsText("transactionId")).containsExactly("d1", "b1", "s1");
        JsonNode rest = get("/api/v1/accounts/t-1/transactions?limit=10&cursor=" + first.get("nextCursor").asText());
        assertThat(rest.findValuesAsText("transactionId")).containsExactly("dv1", "f1", "r1", "t1");
        assertThat(get("/api/v1/accounts/t-1/transactions?from=2024-02-01&to=2024-02-28")
                .findValuesAsText("transactionId")).containsExactly("s1", "dv1", "f1");
        JsonNode newest = get("/api/v1/accounts/t-1/transactions?newestFirst=true&limit=3");
        assertThat(newest.findValuesAsText("transactionId")).containsExactly("t1", "r1", "f1");
        assertThat(get("/api/v1/accounts/t-1/transactions?newestFirst=true&cursor=" + newest.get("nextCursor").asText())
                .findValuesAsText("transactionId")).containsExactly("dv1", "s1", "b1", "d1");
        http.get().uri("/api/v1/accounts/t-1/transactions?newestFirst=yes").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("newestFirst");
        http.get().uri("/api/v1/accounts/t-1/transactions?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-limit");
        http.get().uri("/api/v1/accounts/t-1/transactions?cursor=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-cursor");
        http.get().uri("/api/v1/accounts/nobody/transactions").exchange().expectStatus().isNotFound();
    }

    @Test
    void theAuditTrailFiltersAndStreamsEveryEventWithItsMetadata() {
        LedgerScenario scenario = new LedgerScenario(events).run("a-1", "a-2");

        JsonNode account = get("/api/v1/audit/events?aggregate=a-1&minPosition=" + scenario.last());
        assertThat(items(account, "type")).containsExactly("AccountOpenedEvent", "CashDepositedEvent",
                "TradeRecordedEvent", "TradeRecordedEvent", "DividendRecordedEvent", "FeeChargedEvent",
                "TransactionReversedEvent", "TransferSentEvent");
        JsonNode deposit = account.at("/items/1");
        assertThat(deposit.get("principal").asText()).isEqualTo("alice");
        assertThat(deposit.get("correlationId").asText()).isEqualTo("corr-d1");
        assertThat(deposit.get("effectiveDate").asText()).isEqualTo("2024-01-03");
        assertThat(deposit.at("/metaData/source").asText()).isEqualTo("api");
        assertThat(deposit.at("/metaData/recordedAt").asText()).isNotBlank();
        assertThat(Json.dec(deposit, "/payload/amount/amount")).isEqualTo("10000.00");

        assertThat(items(get("/api/v1/audit/events?aggregate=a-1&principal=carol"), "type"))
                .containsExactly("FeeChargedEvent", "TransactionReversedEvent");
        assertThat(items(get("/api/v1/audit/events?aggregate=a-1&correlationId=corr-s1"), "position"))
                .containsExactly(pos(scenario, "s1"));
        assertThat(items(get("/api/v1/audit/events?aggregate=a-1&type=TradeRecordedEvent"), "position"))
                .containsExactly(pos(scenario, "b1"), pos(scenario, "s1"));
        assertThat(get("/api/v1/audit/events?aggregate=a-1&from=2999-01-01").get("items")).isEmpty();
        JsonNode page = get("/api/v1/audit/events?aggregate=a-1&limit=5");
        assertThat(page.get("items")).hasSize(5);
        assertThat(get("/api/v1/audit/events?aggregate=a-1&cursor=" + page.get("nextCursor").asText())
                .get("items")).hasSize(3);

        String ndjson = http.get().uri("/api/v1/audit/events?aggregate=a-1").accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(ndjson.lines().map(line -> Json.parse(line.getBytes()).get("type").asText()))
                .hasSize(8).startsWith("AccountOpenedEvent").endsWith("TransferSentEvent");
    }

    @Test
    void holdingLineageListsExactlyTheEventsThatProducedTheHolding() {
        LedgerScenario scenario = new LedgerScenario(events).run("l-1", "l-2");

        JsonNode aapl = get("/api/v1/lineage/holdings/l-1/AAPL?minPosition=" + scenario.last());
        assertThat(aapl.findValuesAsText("position")).containsExactly(pos(scenario, "b1"), pos(scenario, "s1"));
        assertThat(aapl.findValuesAsText("principal")).containsExactly("bob", "bob");
        assertThat(aapl.at("/events/0/eventId").asText()).isNotBlank();
        assertThat(get("/api/v1/lineage/holdings/l-1/AAPL?asOf=2024-01-31").findValuesAsText("position"))
                .containsExactly(pos(scenario, "b1"));
        assertThat(get("/api/v1/lineage/holdings/l-1/EUR").findValuesAsText("position")).containsExactly(
                pos(scenario, "d1"), pos(scenario, "b1"), pos(scenario, "s1"), pos(scenario, "dv1"),
                pos(scenario, "f1"), pos(scenario, "r1"), pos(scenario, "t1"));
    }

    @Test
    void theHoldingsStreamSendsTheCurrentHoldingsThenEveryChange() throws Exception {
        LedgerScenario scenario = new LedgerScenario(events).run("st-1", "st-2");
        holdings("st-1", null, scenario.last());

        java.util.concurrent.CompletableFuture<java.util.List<String>> received = http.get()
                .uri("/api/v1/accounts/st-1/holdings/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody()
                .take(2).collectList().toFuture();
        Thread.sleep(1000);
        scenario.record("st-1", "d2", "alice", new dev.finflow.events.ledger.CashDepositedEvent(
                LedgerScenario.id("st-1"), LedgerScenario.tx("d2"), LedgerScenario.eur("13.80"), null,
                LocalDate.parse("2024-03-05"), null, java.util.List.of(LedgerScenario.cash("13.80"),
                LedgerScenario.leg(dev.finflow.events.ledger.LegType.EXTERNAL, "EUR", "-13.80"))));

        java.util.List<String> updates = received.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(row(Json.parse(updates.get(0).getBytes()), 0)).isEqualTo("EUR CASH 8686.20 null 8686.20 0");
        assertThat(row(Json.parse(updates.get(1).getBytes()), 0)).isEqualTo("EUR CASH 8700.00 null 8700.00 0");
    }

    @Test
    void unknownAccountsAndBadDatesAreProblems() {
        http.get().uri("/api/v1/accounts/nobody/holdings").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/account-not-found");
        http.get().uri("/api/v1/accounts/nobody/holdings?asOf=2024-13-01").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-date")
                .jsonPath("$.field").isEqualTo("asOf");
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

    private JsonNode get(String uri) {
        return Json.parse(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }

    /** One field of every item of a page (not of their nested payloads). */
    private static java.util.List<String> items(JsonNode page, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static String pos(LedgerScenario scenario, String step) {
        return Long.toString(scenario.positions.get(step));
    }

    private static java.util.List<String> months(JsonNode page) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (JsonNode item : page.get("items")) {
            rows.add(item.get("asset").asText() + " " + item.get("month").asText() + " "
                    + item.get("opening").decimalValue().toPlainString() + " "
                    + item.get("inflows").decimalValue().toPlainString() + " "
                    + item.get("outflows").decimalValue().toPlainString() + " "
                    + item.get("closing").decimalValue().toPlainString());
        }
        return rows;
    }

    /** asset, kind, quantity, average cost, cost basis, realised P/L of the i-th holding, decimals as sent. */
    private static String row(JsonNode body, int i) {
        String at = "/holdings/" + i + "/";
        return body.at(at + "asset").asText() + " " + body.at(at + "kind").asText() + " "
                + Json.dec(body, at + "quantity") + " " + Json.dec(body, at + "averageCost") + " "
                + Json.dec(body, at + "costBasis") + " " + Json.dec(body, at + "realizedPl");
    }
}
