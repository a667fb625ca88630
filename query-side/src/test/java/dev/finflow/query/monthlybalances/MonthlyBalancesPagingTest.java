package dev.finflow.query.monthlybalances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.finflow.query.LedgerScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of monthly balances costs the page, not the calendar: with transactions at both ends of the allowed
 * date window (1900 and a year ahead), {@code limit=1} answers in milliseconds and pages on exactly.
 */
@QuerySideTest
class MonthlyBalancesPagingTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    void aOneRowPageAcrossTheWholeDateWindowIsCheapAndExact() {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open("wide-1", "alice");
        deposit(ledger, "d1", "1900-01-02", "100.00");
        long last = deposit(ledger, "d2", LocalDate.now().plusYears(1).toString(), "5.00");

        JsonNode first = get("/api/v1/accounts/wide-1/monthly-balances?limit=1&minPosition=" + last);
        assertThat(row(first, 0)).isEqualTo("EUR 1900-01 0 100.00 0 100.00");
        JsonNode second = get("/api/v1/accounts/wide-1/monthly-balances?limit=2&cursor="
                + first.get("nextCursor").asText());
        assertThat(row(second, 0)).isEqualTo("EUR 1900-02 100.00 0 0 100.00");
        assertThat(row(second, 1)).isEqualTo("EUR 1900-03 100.00 0 0 100.00");
        String lastMonth = LocalDate.now().plusYears(1).toString().substring(0, 7);
        JsonNode end = get("/api/v1/accounts/wide-1/monthly-balances?limit=1&from=" + lastMonth);
        assertThat(row(end, 0)).isEqualTo("EUR " + lastMonth + " 100.00 5.00 0 105.00");
        assertThat(end.get("nextCursor").isNull()).isTrue();

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            get("/api/v1/accounts/wide-1/monthly-balances?limit=1");
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        long p50 = micros.get(24);
        long p99 = micros.get(49);
        System.out.println("monthly-balances?limit=1 over 1900-01.." + lastMonth + ": p50 " + p50 / 1000.0
                + " ms, p99 " + p99 / 1000.0 + " ms (50 requests, in-process HTTP)");
    }

    /** The page itself: generated from its first month, never from 1900, whatever the window. */
    @Test
    void thePageIsComputedFromTheFlowsAndThePageOnly() {
        List<MonthlyBalances.Flow> flows = List.of(
                new MonthlyBalances.Flow("EUR", "CASH", java.time.YearMonth.of(1900, 1), new java.math.BigDecimal("100"),
                        java.math.BigDecimal.ZERO),
                new MonthlyBalances.Flow("EUR", "CASH", java.time.YearMonth.of(2027, 12), new java.math.BigDecimal("5"),
                        java.math.BigDecimal.ZERO));
        MonthlyBalances.Cursor after = new MonthlyBalances.Cursor("EUR", java.time.YearMonth.of(2027, 10));

        long start = System.nanoTime();
        List<MonthlyBalances.Balance> page = List.of();
        for (int i = 0; i < 10_000; i++) {
            page = MonthlyBalances.page(flows, null, null, after, 2);
        }
        long micros = (System.nanoTime() - start) / 1000;

        assertThat(page).extracting(b -> b.month() + " " + b.opening() + " " + b.closing())
                .containsExactly("2027-11 100 100", "2027-12 100 105");
        assertThat(MonthlyBalances.page(flows, null, null, null, 1)).hasSize(1);
        // 10,000 pages over a 128-year window: bounded by the page, not by 1,536 months each.
        System.out.println("MonthlyBalances.page, limit 2 over 1900-01..2027-12: " + micros / 10_000.0
                + " us per page");
        assertThat(micros).isLessThan(2_000_000);
    }

    private static long deposit(LedgerScenario ledger, String id, String date, String amount) {
        return ledger.record("wide-1", id, "alice", new CashDepositedEvent(id("wide-1"), tx(id), eur(amount), null,
                day(date), null, List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount))));
    }

    private JsonNode get(String uri) {
        return Json.parse(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }

    private static String row(JsonNode page, int i) {
        JsonNode item = page.get("items").get(i);
        return item.get("asset").asText() + " " + item.get("month").asText() + " "
                + item.get("opening").decimalValue().toPlainString() + " "
                + item.get("inflows").decimalValue().toPlainString() + " "
                + item.get("outflows").decimalValue().toPlainString() + " "
                + item.get("closing").decimalValue().toPlainString();
    }
}
