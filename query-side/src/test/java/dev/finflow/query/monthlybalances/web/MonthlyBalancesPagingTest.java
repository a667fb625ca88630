package dev.finflow.query.monthlybalances.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.monthlybalances.projection.MonthlyBalances;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

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

    /**
     * The stored path (spans, then only the page's flows with openings summed in the database) pages exactly like
     * folding every flow in memory (the "as known at" path): several assets starting in different months, pages
     * crossing from one asset to the next, {@code from} and {@code to} windows.
     */
    @Test
    void everyPageOfTheStoredPathEqualsThePageFromAllFlows() {
        LedgerScenario ledger = new LedgerScenario(events);
        ledger.open("wide-2", "alice");
        SplittableRandom random = new SplittableRandom(11);
        LocalDate date = LocalDate.of(2019, 11, 5);
        long last = deposit(ledger, "wide-2", "d0", date.toString(), "100000.00");
        String[] symbols = {"AAA", "MMM", "ZZZ"};
        // The reference, written independently: per asset and month, units in and out.
        java.util.TreeMap<String, java.util.TreeMap<java.time.YearMonth, java.math.BigDecimal[]>> moves =
                new java.util.TreeMap<>();
        java.util.function.BiConsumer<String, String> move = (asset, amount) -> {
            java.math.BigDecimal[] inOut = moves.computeIfAbsent(asset, k -> new java.util.TreeMap<>()).computeIfAbsent(
                    java.time.YearMonth.from(LocalDate.parse(amount.split("@")[1])),
                    k -> new java.math.BigDecimal[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO});
            java.math.BigDecimal value = new java.math.BigDecimal(amount.split("@")[0]);
            int side = value.signum() > 0 ? 0 : 1;
            inOut[side] = inOut[side].add(value.abs());
        };
        move.accept("EUR", "100000.00@" + date);
        for (int i = 0; i < 40; i++) {
            date = date.plusDays(1 + random.nextInt(70));
            String symbol = symbols[random.nextInt(symbols.length)];
            move.accept(symbol, "2@" + date);
            move.accept("EUR", "-20.00@" + date);
            last = ledger.record("wide-2", "b" + i, "alice", LedgerScenario.trade("wide-2", "b" + i,
                    dev.finflow.events.ledger.TradeSide.BUY, symbol, "2", "10.00", date.toString(), "20.00"));
        }
        get("/api/v1/accounts/wide-2/monthly-balances?limit=1&minPosition=" + last);
        java.time.YearMonth end = java.time.YearMonth.from(date);
        List<String> reference = new ArrayList<>();
        moves.forEach((asset, months) -> {
            java.math.BigDecimal balance = java.math.BigDecimal.ZERO;
            for (java.time.YearMonth m = months.firstKey(); !m.isAfter(end); m = m.plusMonths(1)) {
                java.math.BigDecimal[] inOut = months.getOrDefault(m,
                        new java.math.BigDecimal[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO});
                java.math.BigDecimal closing = balance.add(inOut[0]).subtract(inOut[1]);
                reference.add(asset + " " + m + " " + balance.stripTrailingZeros().toPlainString() + " "
                        + inOut[0].stripTrailingZeros().toPlainString() + " "
                        + inOut[1].stripTrailingZeros().toPlainString() + " " + closing.stripTrailingZeros().toPlainString());
                balance = closing;
            }
        });
        assertThat(allPages("/api/v1/accounts/wide-2/monthly-balances?limit=3").stream()
                .map(MonthlyBalancesPagingTest::stripped).toList()).isEqualTo(reference);
        String known = java.time.Instant.now().toString();
        for (String window : List.of("", "&from=2020-06", "&to=2021-03", "&from=2020-02&to=2022-01", "&asset=MMM",
                "&from=2030-01")) {
            for (int limit : new int[] {1, 3, 7, 1000}) {
                String path = "/api/v1/accounts/wide-2/monthly-balances?limit=" + limit + window;
                List<String> stored = allPages(path);
                assertThat(allPages(path + "&knownAt=" + known)).as(path).isEqualTo(stored);
                if (!window.equals("&from=2030-01")) {
                    assertThat(stored).as(path).isNotEmpty();
                }
            }
        }
    }

    private static String stripped(String row) {
        String[] parts = row.split(" ");
        StringBuilder out = new StringBuilder(parts[0] + " " + parts[1]);
        for (int i = 2; i < parts.length; i++) {
            out.append(' ').append(new java.math.BigDecimal(parts[i]).stripTrailingZeros().toPlainString());
        }
        return out.toString();
    }

    private List<String> allPages(String path) {
        List<String> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(path + (cursor == null ? "" : "&cursor=" + cursor));
            for (int i = 0; i < page.get("items").size(); i++) {
                rows.add(row(page, i));
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return rows;
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
        return deposit(ledger, "wide-1", id, date, amount);
    }

    private static long deposit(LedgerScenario ledger, String account, String id, String date, String amount) {
        return ledger.record(account, id, "alice", new CashDepositedEvent(id(account), tx(id), eur(amount), null,
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
