package dev.finflow.query.performance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.trade;
import static dev.finflow.query.LedgerScenario.tx;
import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small hand-checked accounts in EUR; each expected return is computed here from the definition (a product of
 * sub-period returns between flows; the money-weighted rate as the root of a quadratic in {@code g^10}), not by
 * the code under test.
 */
@QuerySideTest
class PerformanceApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    void aPriceMoveAfterADepositAndAMidPeriodDepositWhereTimeAndMoneyWeightedReturnsDiffer() {
        LedgerScenario ledger = new LedgerScenario(events);
        startWith(ledger, "pa", "PA");
        MarketEvents pa = market("PA", "EUR");
        long last = pa.ingest(accepted(bar("2024-01-02", "100", "100", "100", "100.00", 1)),
                accepted(bar("2024-02-02", "110", "110", "110", "110.00", 1)));
        JsonNode a = get("/api/v1/accounts/pa/performance?asOf=2024-02-02&minPosition=" + last);
        JsonNode si = period(a, "SI");
        assertThat(si.get("start").asText()).isEqualTo("2024-01-02");
        assertThat(List.of(si.get("startValue").asText(), si.get("endValue").asText(), si.get("netFlows").asText(),
                si.get("twr").asText(), si.get("mwr").asText())).containsExactly("1000.00", "1100.00", "0.00",
                "10.0000", "10.0000");
        // 10% over 31 days, annualised: 1.1^(365/31) - 1
        assertThat(Double.parseDouble(si.get("mwrAnnualized").asText()))
                .isCloseTo((Math.pow(1.1, 365.0 / 31) - 1) * 100, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(period(a, "1M").get("twr").asText()).isEqualTo("10.0000");
        assertThat(period(a, "3M").get("twr").isNull()).isTrue();
        assertThat(period(a, "3M").get("why").asText()).isEqualTo("the first movement is on 2024-01-02");

        // Mid-period: 10 more shares bought at 120 with a deposit of 1200 on 01-12, then the price falls to 108.
        startWith(ledger, "pb", "PB");
        ledger.record("pb", "pb-d2", "alice", deposit("pb", "pb-d2", "1200.00", "2024-01-12"));
        ledger.record("pb", "pb-b2", "alice", trade("pb", "pb-b2", TradeSide.BUY, "PB", "10", "120", "2024-01-12",
                "1200.00"));
        last = market("PB", "EUR").ingest(accepted(bar("2024-01-02", "100", "100", "100", "100.00", 1)),
                accepted(bar("2024-01-12", "120", "120", "120", "120.00", 1)),
                accepted(bar("2024-01-22", "108", "108", "108", "108.00", 1)));
        JsonNode b = get("/api/v1/accounts/pb/performance?asOf=2024-01-22&minPosition=" + last);
        assertThat(points(b)).containsExactly("2024-01-02 1000.00 1000.00", "2024-01-12 2400.00 1200.00",
                "2024-01-22 2160.00 0.00");
        si = period(b, "SI");
        // TWR: (2400 - 1200) / 1000 x 2160 / 2400 - 1 = 1.2 x 0.9 - 1
        assertThat(si.get("twr").asText()).isEqualTo(percent(new BigDecimal("1.2").multiply(new BigDecimal("0.9"))
                .subtract(BigDecimal.ONE))).isEqualTo("8.0000");
        // MWR: 1000 x^2 + 1200 x = 2160 with x = g^10 (20 days, the deposit 10 days before the end)
        assertThat(si.get("mwr").asText()).isEqualTo(percent(quadraticGrowth(1000, 1200, 2160) - 1))
                .isEqualTo("-2.4941");
        assertThat(si.get("netFlows").asText()).isEqualTo("1200.00");
        // the series can be cropped; the periods still end on asOf
        JsonNode cropped = get("/api/v1/accounts/pb/performance?asOf=2024-01-22&from=2024-01-05&to=2024-01-20"
                + "&minPosition=" + last);
        assertThat(points(cropped)).containsExactly("2024-01-12 2400.00 1200.00");
        assertThat(period(cropped, "SI").get("twr").asText()).isEqualTo("8.0000");
    }

    @Test
    void aSplitIsNoReturnAndAReversedDepositIsNoFlowOnceRecorded() throws Exception {
        LedgerScenario ledger = new LedgerScenario(events);
        startWith(ledger, "pc", "PC");
        MarketEvents pc = market("PC", "EUR");
        pc.ingest(accepted(bar("2024-01-02", "100", "100", "100", "100.00", 1)));
        pc.split("2024-01-12", "2", "1");
        long last = pc.ingest(accepted(bar("2024-01-12", "50", "50", "50", "50.00", 1)),
                accepted(bar("2024-01-22", "55", "55", "55", "55.00", 1)));
        JsonNode c = get("/api/v1/accounts/pc/performance?asOf=2024-01-22&minPosition=" + last);
        // 20 shares at 50.00 after the 2-for-1 split: the value is unchanged, then +10%
        assertThat(points(c)).containsExactly("2024-01-02 1000.00 1000.00", "2024-01-12 1000.00 0.00",
                "2024-01-22 1100.00 0.00");
        assertThat(period(c, "SI").get("twr").asText()).isEqualTo("10.0000");
        assertThat(period(c, "SI").get("mwr").asText()).isEqualTo("10.0000");
        assertThat(c.at("/byAsset/0/quantity").asText()).isEqualTo("20");

        startWith(ledger, "pd", "PD");
        ledger.record("pd", "pd-d2", "alice", deposit("pd", "pd-d2", "500.00", "2024-01-12"));
        last = market("PD", "EUR").ingest(accepted(bar("2024-01-02", "100", "100", "100", "100.00", 1)),
                accepted(bar("2024-01-22", "110", "110", "110", "110.00", 1)));
        Instant beforeReversal = tick();
        last = Math.max(last, ledger.record("pd", "pd-r1", "carol", new TransactionReversedEvent(id("pd"),
                tx("pd-r1"), tx("pd-d2"), day("2024-03-01"), "wrong account", List.of(cash("-500.00"),
                leg(LegType.EXTERNAL, "EUR", "500.00")), day("2024-01-12"))));
        // as known before the reversal: 500 deposited on 01-12 (no return that day), then shares +100
        JsonNode then = get("/api/v1/accounts/pd/performance?asOf=2024-01-22&knownAt=" + beforeReversal
                + "&minPosition=" + last);
        assertThat(points(then)).containsExactly("2024-01-02 1000.00 1000.00", "2024-01-12 1500.00 500.00",
                "2024-01-22 1600.00 0.00");
        assertThat(period(then, "SI").get("twr").asText()).isEqualTo(percent(new BigDecimal("1600")
                .divide(new BigDecimal("1500"), java.math.MathContext.DECIMAL128).subtract(BigDecimal.ONE)))
                .isEqualTo("6.6667");
        assertThat(period(then, "SI").get("mwr").asText()).isEqualTo(percent(quadraticGrowth(1000, 500, 1600) - 1));
        JsonNode now = get("/api/v1/accounts/pd/performance?asOf=2024-01-22&minPosition=" + last);
        assertThat(points(now)).containsExactly("2024-01-02 1000.00 1000.00", "2024-01-12 1000.00 0.00",
                "2024-01-22 1100.00 0.00");
        assertThat(List.of(period(now, "SI").get("netFlows").asText(), period(now, "SI").get("twr").asText(),
                period(now, "SI").get("mwr").asText())).containsExactly("0.00", "10.0000", "10.0000");
    }

    @Test
    void convertsIntoTheChosenBaseAtEachDaysRateAndShowsAMissingRateAsMissing() {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open("pe", "alice");
        ledger.record("pe", "pe-d1", "alice", deposit("pe", "pe-d1", "1500.00", "2024-01-02"));
        ledger.record("pe", "pe-b1", "alice", trade("pe", "pe-b1", TradeSide.BUY, "UX", "10", "100", "2024-01-02",
                "1000.00"));
        market("UX", "USD").ingest(accepted(bar("2024-01-02", "108", "108", "108", "108.00", 1)),
                accepted(bar("2024-01-22", "110", "110", "110", "110.00", 1)));
        MarketEvents eurusd = new MarketEvents(events, "EURUSD=X");
        eurusd.register(InstrumentType.FX_PAIR, "USD", "EUR");
        long last = eurusd.ingest(accepted(bar("2024-01-02", "1.08", "1.08", "1.08", "1.0800", 0)),
                accepted(bar("2024-01-22", "1.10", "1.10", "1.10", "1.1000", 0)));
        String at = "/api/v1/accounts/pe/performance?asOf=2024-01-22&minPosition=" + last;
        // EUR: 10 x 108 / 1.08 + 500 = 1500.00, then 10 x 110 / 1.10 + 500 = 1500.00
        JsonNode eur = get(at);
        assertThat(points(eur)).containsExactly("2024-01-02 1500.00 1500.00", "2024-01-22 1500.00 0.00");
        assertThat(period(eur, "SI").get("twr").asText()).isEqualTo("0.0000");
        // USD: 1080 + 540 = 1620.00, then 1100 + 550 = 1650.00
        JsonNode usd = get(at + "&base=USD");
        assertThat(usd.get("base").asText()).isEqualTo("USD");
        assertThat(points(usd)).containsExactly("2024-01-02 1620.00 1620.00", "2024-01-22 1650.00 0.00");
        assertThat(period(usd, "SI").get("twr").asText()).isEqualTo(percent(new BigDecimal("1650")
                .divide(new BigDecimal("1620"), java.math.MathContext.DECIMAL128).subtract(BigDecimal.ONE)));
        assertThat(rows(usd.get("byAsset"))).containsExactly("EUR 550.00 33.33 PRICED", "UX 1100.00 66.67 PRICED");
        assertThat(rows(usd.get("byCurrency"))).containsExactly("EUR 550.00 33.33 PRICED", "USD 1100.00 66.67 PRICED");
        assertThat(usd.get("value").asText()).isEqualTo("1650.00");
        // on 01-10 the latest rate is that of 01-02
        assertThat(get(at.replace("2024-01-22", "2024-01-10") + "&base=USD").get("value").asText()).isEqualTo("1620.00");

        // GBP: no pair converts EUR or USD into it, so nothing has a value (never a rate of one)
        JsonNode gbp = get(at + "&base=GBP");
        assertThat(gbp.get("value").isNull()).isTrue();
        assertThat(points(gbp)).containsExactly("2024-01-02 null null", "2024-01-22 null 0.00");
        assertThat(rows(gbp.get("byAsset"))).containsExactly("EUR null null NO_FX_RATE", "UX null null NO_FX_RATE");
        assertThat(gbp.get("unvalued").toString()).isEqualTo("[\"EUR\",\"UX\"]");
        assertThat(period(gbp, "SI").get("twr").isNull()).isTrue();
        assertThat(period(gbp, "SI").get("why").asText()).isEqualTo("no value on 2024-01-02");
    }

    @Test
    void refusesHostileParametersWithProblemsNamingTheRule() {
        new LedgerScenario(events).open("pf", "alice");
        String base = "/api/v1/accounts/pf/performance?";
        problem(base + "from=2024-03-01&to=2024-02-01&asOf=2024-03-31", 400, "invalid-parameter");
        problem(base + "to=2024-04-01&asOf=2024-03-31", 400, "invalid-parameter");
        problem(base + "asOf=99999-01-01", 400, "invalid-date");
        problem(base + "from=%2B99999-01-01&asOf=%2B99999-12-31", 400, "invalid-date");
        problem(base + "base=euro", 400, "invalid-parameter");
        problem(base + "base=EURO", 400, "invalid-parameter");
        problem(base + "base=ZZZ", 400, "invalid-parameter");
        problem(base + "knownAt=soon", 400, "invalid-instant");
        problem("/api/v1/accounts/nobody/performance", 404, "account-not-found");
    }

    private void problem(String uri, int status, String type) {
        http.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectHeader()
                .contentType("application/problem+json").expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/" + type);
    }

    /** Opens {@code account}, deposits 1000.00 and buys 10 {@code symbol} at 100 on 2024-01-02. */
    private static void startWith(LedgerScenario ledger, String account, String symbol) {
        ledger.open(account, "alice");
        ledger.record(account, account + "-d1", "alice", deposit(account, account + "-d1", "1000.00", "2024-01-02"));
        ledger.record(account, account + "-b1", "alice", trade(account, account + "-b1", TradeSide.BUY, symbol, "10",
                "100", "2024-01-02", "1000.00"));
    }

    private static CashDepositedEvent deposit(String account, String id, String amount, String date) {
        return new CashDepositedEvent(id(account), tx(id), eur(amount), null, day(date), null, List.of(cash(amount),
                leg(LegType.EXTERNAL, "EUR", new BigDecimal(amount).negate().toPlainString())));
    }

    private MarketEvents market(String symbol, String currency) {
        MarketEvents market = new MarketEvents(events, symbol);
        market.register(InstrumentType.EQUITY, currency, null);
        return market;
    }

    /** The positive root x of {@code a x^2 + b x = c}, squared: the period's growth when x is g^10 over 20 days. */
    private static double quadraticGrowth(double a, double b, double c) {
        double x = (-b + Math.sqrt(b * b + 4 * a * c)) / (2 * a);
        return x * x;
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static JsonNode period(JsonNode performance, String label) {
        for (JsonNode period : performance.get("periods")) {
            if (period.get("period").asText().equals(label)) {
                return period;
            }
        }
        throw new AssertionError("no period " + label + " in " + performance);
    }

    private static List<String> points(JsonNode performance) {
        List<String> points = new ArrayList<>();
        performance.get("series").forEach(p -> points.add(p.get("date").asText() + " " + p.get("value").asText()
                + " " + p.get("flow").asText()));
        return points;
    }

    private static List<String> rows(JsonNode allocation) {
        List<String> rows = new ArrayList<>();
        allocation.forEach(r -> rows.add(r.get("name").asText() + " " + r.get("value").asText() + " "
                + r.get("percent").asText() + " " + r.get("status").asText()));
        return rows;
    }

    private JsonNode get(String uri) {
        return Json.parse(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }

    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
