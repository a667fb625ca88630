package dev.finflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.Verdict;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.finflow.query.LedgerScenario.*;
import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitemporal reads: January as the system showed it before a backdated trade, a reversal and a bar correction
 * were recorded, and after each of them; and "what changed" between two instants.
 */
@QuerySideTest
class KnownAtTest {

    private static final String JANUARY = "2024-01-31";

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    void aBackdatedTradeAReversalAndABarCorrectionChangeJanuaryOnlyForKnownAtAfterThem() throws Exception {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open("ka-1", "alice");
        ledger.record("ka-1", "d1", "alice", new CashDepositedEvent(id("ka-1"), tx("d1"), eur("1000.00"), null,
                day("2024-01-03"), null, List.of(cash("1000.00"), leg(LegType.EXTERNAL, "EUR", "-1000.00"))));
        ledger.record("ka-1", "b1", "alice", trade("ka-1", "b1", TradeSide.BUY, "KAX", "10", "10", "2024-01-10",
                "100.00"));
        MarketEvents kax = new MarketEvents(events, "KAX");
        kax.register(InstrumentType.EQUITY, "EUR", null);
        long first = kax.ingest(accepted(bar(JANUARY, "12", "12", "12", "12.00", 100)));
        JsonNode shownThen = get("/api/v1/accounts/ka-1/holdings?asOf=" + JANUARY + "&minPosition=" + first);
        Instant beforeBackdating = tick();

        ledger.record("ka-1", "b2", "bob", trade("ka-1", "b2", TradeSide.BUY, "KAX", "5", "11", "2024-01-20",
                "55.00"));
        Instant afterBackdating = tick();
        ledger.record("ka-1", "r1", "carol", new TransactionReversedEvent(id("ka-1"), tx("r1"), tx("b1"),
                day("2024-03-01"), "wrong account", List.of(security("KAX", "-10", "-100.00"), cash("100.00")),
                day("2024-01-10")));
        Instant afterReversal = tick();
        long corrected = kax.correct(bar(JANUARY, "12", "12", "12", "12.00", 100),
                bar(JANUARY, "13", "13", "13", "13.00", 100), Verdict.ACCEPTED);
        Instant afterCorrection = tick();
        String wait = "&minPosition=" + corrected;

        // Holdings at the end of January, as known before the backdated trade: what was shown then, and nothing later.
        JsonNode before = holdings(JANUARY, beforeBackdating, wait);
        assertThat(before.get("holdings")).isEqualTo(shownThen.get("holdings"));
        assertThat(rows(before)).containsExactly("EUR 900.00 900.00 0", "KAX 10 100.00 0");
        assertThat(rows(holdings(null, beforeBackdating, wait))).containsExactly("EUR 900.00 900.00 0", "KAX 10 100.00 0");
        assertThat(rows(holdings(JANUARY, afterBackdating, wait))).containsExactly("EUR 845.00 845.00 0", "KAX 15 155.00 0");
        assertThat(rows(holdings(JANUARY, afterReversal, wait))).containsExactly("EUR 945.00 945.00 0", "KAX 5 55.00 0");
        assertThat(rows(holdings(JANUARY, null, wait))).containsExactly("EUR 945.00 945.00 0", "KAX 5 55.00 0");
        // A date means the end of that day in UTC: nothing was recorded by the end of yesterday.
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(get("/api/v1/accounts/ka-1/holdings?knownAt=" + yesterday + wait).get("holdings")).isEmpty();

        // Monthly balances of January.
        assertThat(januaryClosing(beforeBackdating, wait)).isEqualTo("10");
        assertThat(januaryClosing(afterBackdating, wait)).isEqualTo("15");
        assertThat(januaryClosing(afterReversal, wait)).isEqualTo("5");

        // The transaction list: what was recorded by then, a reversal named only once recorded.
        JsonNode listed = get("/api/v1/accounts/ka-1/transactions?knownAt=" + afterBackdating + wait);
        assertThat(listed.findValuesAsText("transactionId")).containsExactly("d1", "b1", "b2");
        assertThat(listed.at("/items/1/reversedBy").isNull()).isTrue();
        listed = get("/api/v1/accounts/ka-1/transactions?knownAt=" + afterReversal + wait);
        assertThat(listed.findValuesAsText("transactionId")).containsExactly("d1", "b1", "b2", "r1");
        assertThat(listed.at("/items/1/reversedBy").asText()).isEqualTo("r1");

        // Lineage: both times of every event that produced the holding as known then.
        JsonNode lineage = get("/api/v1/lineage/holdings/ka-1/KAX?asOf=" + JANUARY + "&knownAt=" + afterBackdating
                + wait);
        assertThat(lineage.findValuesAsText("effectiveDate")).containsExactly("2024-01-10", "2024-01-20");
        List<Instant> recorded = lineage.findValuesAsText("recordedAt").stream()
                .map(text -> java.time.OffsetDateTime.parse(text).toInstant()).toList();
        assertThat(recorded.get(0)).isBefore(beforeBackdating);
        assertThat(recorded.get(1)).isAfter(beforeBackdating).isBefore(afterBackdating);

        // Valuation: the holdings and the price as known then; the correction counts only after it was recorded.
        assertThat(value(beforeBackdating, wait)).isEqualTo("10 12.00 120.00");
        assertThat(value(afterReversal, wait)).isEqualTo("5 12.00 60.00");
        assertThat(value(afterCorrection, wait)).isEqualTo("5 13.00 65.00");

        // What changed January between the two instants: exactly the backdated trade and the reversal.
        JsonNode changes = get("/api/v1/accounts/ka-1/changes?asOf=" + JANUARY + "&from=" + beforeBackdating
                + "&to=" + afterCorrection + wait);
        assertThat(changes.findValuesAsText("transactionId")).containsExactly("b2", "r1");
        assertThat(changes.findValuesAsText("principal")).containsExactly("bob", "carol");
        assertThat(changes.findValuesAsText("type")).containsExactly("TradeRecordedEvent",
                "TransactionReversedEvent");
        assertThat(get("/api/v1/accounts/ka-1/changes?asOf=" + JANUARY + "&from=" + afterReversal + wait)
                .get("changes")).isEmpty();
        assertThat(get("/api/v1/accounts/ka-1/changes?asOf=2024-01-15&from=" + beforeBackdating + wait)
                .findValuesAsText("transactionId")).containsExactly("r1");
    }

    @Test
    void refusesAKnownAtThatIsNeitherAnInstantNorADate() {
        http.get().uri("/api/v1/accounts/ka-2/holdings?knownAt=yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-instant")
                .jsonPath("$.field").isEqualTo("knownAt");
    }

    /** The instant now, strictly after everything recorded so far and strictly before anything recorded next. */
    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    private JsonNode holdings(String asOf, Instant knownAt, String wait) {
        return get("/api/v1/accounts/ka-1/holdings?" + (asOf == null ? "" : "asOf=" + asOf + "&")
                + (knownAt == null ? "" : "knownAt=" + knownAt) + wait);
    }

    private String januaryClosing(Instant knownAt, String wait) {
        JsonNode page = get("/api/v1/accounts/ka-1/monthly-balances?asset=KAX&from=2024-01&to=2024-01&knownAt="
                + knownAt + wait);
        return Json.dec(page, "/items/0/closing");
    }

    private String value(Instant knownAt, String wait) {
        JsonNode valuation = get("/api/v1/accounts/ka-1/valuation?asOf=" + JANUARY + "&knownAt=" + knownAt + wait);
        for (JsonNode holding : valuation.get("holdings")) {
            if ("KAX".equals(holding.get("asset").asText())) {
                return holding.get("quantity").asText() + " " + holding.get("price").asText() + " "
                        + holding.get("marketValue").asText();
            }
        }
        return "none";
    }

    /** Asset, quantity, cost basis, realised P/L of each holding. */
    private static List<String> rows(JsonNode body) {
        List<String> rows = new ArrayList<>();
        for (JsonNode holding : body.get("holdings")) {
            rows.add(holding.get("asset").asText() + " " + holding.get("quantity").decimalValue().toPlainString()
                    + " " + holding.get("costBasis").decimalValue().toPlainString() + " "
                    + holding.get("realizedPl").decimalValue().toPlainString());
        }
        return rows;
    }

    private JsonNode get(String uri) {
        return Json.parse(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }
}
