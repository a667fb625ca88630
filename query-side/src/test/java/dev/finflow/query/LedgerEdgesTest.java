package dev.finflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.CashInLieuPaidEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.finflow.query.LedgerScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The edges of the ledger where trust is lost: splits around trades, future-dated splits, cancellations. */
@QuerySideTest
class LedgerEdgesTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    void aBackdatedBuyBetweenTheLastTradeAndALaterSplitCountsAfterTheSplit() {
        LedgerScenario ledger = funded("bk-1");
        ledger.record("bk-1", "b1", "alice", trade("bk-1", "b1", TradeSide.BUY, "NCY", "10", "10", "2024-01-10",
                "100.00"));
        split(ledger, "NCY", "2024-05-01", "2", "1");
        long last = ledger.record("bk-1", "b2", "alice", trade("bk-1", "b2", TradeSide.BUY, "NCY", "5", "10",
                "2024-02-10", "50.00"));

        assertThat(securityRow(holdings("bk-1", "2024-04-30", last))).isEqualTo("NCY 15 10.00 150.00 0");
        assertThat(securityRow(holdings("bk-1", "2024-05-01", last))).isEqualTo("NCY 30 5.00 150.00 0");
        assertThat(securityRow(holdings("bk-1", null, last))).isEqualTo("NCY 30 5.00 150.00 0");
    }

    @Test
    void holdingsNowApplyAPastSplitDatedAfterTheLastTradeButNotAFutureOne() {
        LedgerScenario ledger = funded("sp-1");
        ledger.record("sp-1", "b1", "alice", trade("sp-1", "b1", TradeSide.BUY, "NCZ", "10", "10", "2024-01-10",
                "100.00"));
        long past = split(ledger, "NCZ", "2024-05-01", "2", "1");
        assertThat(securityRow(holdings("sp-1", null, past))).isEqualTo("NCZ 20 5.00 100.00 0");

        LocalDate future = LocalDate.now(ZoneId.of("America/New_York")).plusDays(30);
        long later = split(ledger, "NCZ", future.toString(), "3", "1");

        assertThat(securityRow(holdings("sp-1", null, later))).isEqualTo("NCZ 20 5.00 100.00 0");
        assertThat(securityRow(holdings("sp-1", future.toString(), later))).isEqualTo("NCZ 60 1.666667 100.00 0");
        JsonNode valuation = get("/api/v1/accounts/sp-1/valuation?minPosition=" + later);
        assertThat(valuation.findValuesAsText("quantity")).contains("20");
    }

    @Test
    void aReversedBuyIsCancelledFromItsDateSoTheLaterSaleUsesOnlyRealPurchases() {
        LedgerScenario ledger = funded("rv-1");
        ledger.record("rv-1", "b1", "alice", trade("rv-1", "b1", TradeSide.BUY, "RVX", "10", "10.05", "2024-01-10",
                "100.50"));
        ledger.record("rv-1", "b2", "alice", trade("rv-1", "b2", TradeSide.BUY, "RVX", "10", "7.05", "2024-01-11",
                "70.50"));
        ledger.record("rv-1", "s1", "alice", trade("rv-1", "s1", TradeSide.SELL, "RVX", "5", "12", "2024-02-01",
                "60.00"));
        long last = ledger.record("rv-1", "r1", "alice", new TransactionReversedEvent(id("rv-1"), tx("r1"),
                tx("b2"), day("2024-03-01"), "wrong price", List.of(security("RVX", "-10", "-70.50"),
                cash("70.50")), day("2024-01-11")));

        assertThat(securityRow(holdings("rv-1", null, last))).isEqualTo("RVX 5 10.05 50.25 9.75");
        assertThat(securityRow(holdings("rv-1", "2024-01-11", last))).isEqualTo("RVX 10 10.05 100.50 0");
        assertThat(cashRow(holdings("rv-1", null, last))).isEqualTo("959.50");
        assertThat(cashRow(holdings("rv-1", "2024-01-11", last))).isEqualTo("899.50");
    }

    @Test
    void aReverseSplitPaysTheFractionInCashAsASaleWithItsRealizedResult() {
        LedgerScenario ledger = funded("cl-1");
        ledger.record("cl-1", "b1", "alice", trade("cl-1", "b1", TradeSide.BUY, "CLX", "10", "10", "2024-01-10",
                "100.00"));
        split(ledger, "CLX", "2024-05-01", "1", "3");
        long last = ledger.record("cl-1", "cil", "split", new CashInLieuPaidEvent(id("cl-1"),
                tx("split.2024-05-01.CLX@cash-in-lieu"), new Symbol("CLX"), Quantity.of("0.33333333"),
                eur("36.00"), null, day("2024-05-01"), List.of(security("CLX", "-0.33333333", "-12.00"),
                cash("12.00"))));

        assertThat(securityRow(holdings("cl-1", null, last))).isEqualTo("CLX 3 30.00 90.00 2.00");
        assertThat(cashRow(holdings("cl-1", null, last))).isEqualTo("912.00");
        assertThat(securityRow(holdings("cl-1", "2024-04-30", last))).isEqualTo("CLX 10 10.00 100.00 0");
    }

    @Test
    void monthlyBalancesCountUnitsInEachMonthsShareBasisAsHoldingsDo() {
        LedgerScenario ledger = funded("mb-1");
        ledger.record("mb-1", "b1", "alice", trade("mb-1", "b1", TradeSide.BUY, "MBX", "60", "5", "2024-01-10",
                "300.00"));
        split(ledger, "MBX", "2024-05-15", "2", "1");
        long last = ledger.record("mb-1", "b2", "alice", trade("mb-1", "b2", TradeSide.BUY, "MBX", "10", "3",
                "2024-06-10", "30.00"));

        JsonNode page = get("/api/v1/accounts/mb-1/monthly-balances?asset=MBX&from=2024-04&to=2024-06&minPosition="
                + last);
        List<String> months = new java.util.ArrayList<>();
        page.get("items").forEach(item -> months.add(item.get("month").asText() + " "
                + item.get("opening").decimalValue().toPlainString() + " "
                + item.get("inflows").decimalValue().toPlainString() + " "
                + item.get("outflows").decimalValue().toPlainString() + " "
                + item.get("closing").decimalValue().toPlainString()));
        assertThat(months).containsExactly("2024-04 60 0 0 60", "2024-05 60 0 0 120", "2024-06 120 10 0 130");
        assertThat(securityRow(holdings("mb-1", "2024-05-31", last))).startsWith("MBX 120 ");
    }

    private LedgerScenario funded(String account) {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open(account, "alice");
        ledger.record(account, "d1", "alice", new CashDepositedEvent(id(account), tx("d1"), eur("1000.00"), null,
                day("2024-01-03"), null, List.of(cash("1000.00"), leg(LegType.EXTERNAL, "EUR", "-1000.00"))));
        return ledger;
    }

    private static long split(LedgerScenario ledger, String symbol, String date, String numerator,
                              String denominator) {
        return ledger.record("instrument/" + symbol, "split-" + date, "feed", new SplitRecordedEvent(
                new Symbol(symbol), LocalDate.parse(date), new BigDecimal(numerator), new BigDecimal(denominator),
                "test"));
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

    /** The security holding: asset, quantity, average cost, cost basis, realised P/L. */
    private static String securityRow(JsonNode body) {
        for (JsonNode holding : body.get("holdings")) {
            if ("SECURITY".equals(holding.get("kind").asText())) {
                return holding.get("asset").asText() + " " + holding.get("quantity").decimalValue().toPlainString()
                        + " " + holding.get("averageCost").decimalValue().toPlainString() + " "
                        + holding.get("costBasis").decimalValue().toPlainString() + " "
                        + holding.get("realizedPl").decimalValue().toPlainString();
            }
        }
        return "none";
    }

    private static String cashRow(JsonNode body) {
        for (JsonNode holding : body.get("holdings")) {
            if ("CASH".equals(holding.get("kind").asText())) {
                return holding.get("quantity").decimalValue().toPlainString();
            }
        }
        return "none";
    }
}
