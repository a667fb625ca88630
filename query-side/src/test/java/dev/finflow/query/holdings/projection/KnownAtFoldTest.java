package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.Movement;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.FeeChargedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.finflow.query.LedgerScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads "as known at" fold only from the earliest date touched by what was recorded later, on top of the stored
 * history: at every instant they must equal the fold of everything recorded up to it from nothing. An account with
 * backdated trades, cancelled and later-dated reversals of buys and sales, and splits (one backdated, one dated
 * before the account's first movement in the symbol) is read as known just at and just before every recorded
 * instant, and compared with that full fold (and its monthly balances with the entries recorded by then).
 */
@QuerySideTest
class KnownAtFoldTest {

    private static final String ACCOUNT = "kf-1";
    private static final String[] SYMBOLS = {"KFA", "KFB", "KFC"};

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;
    @Autowired
    HoldingsKnownAt knownAt;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    private record Trade(String id, String symbol, BigDecimal units, BigDecimal amount, LocalDate date) {
    }

    @Test
    void readsAsKnownAtEveryInstantEqualTheFoldOfEverythingRecordedByThen() {
        LedgerScenario ledger = record(new Random(14));
        long last = ledger.last();
        get("/api/v1/accounts/" + ACCOUNT + "/holdings?minPosition=" + last);
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        TreeSet<Instant> recorded = new TreeSet<>(jdbc.queryForList("select recorded_at from "
                + tables.name(HoldingTables.MOVEMENTS) + " where account_id = ? union select recorded_at from "
                + tables.name(HoldingTables.SPLITS), java.sql.Timestamp.class, ACCOUNT).stream()
                .map(java.sql.Timestamp::toInstant).toList());
        assertThat(recorded).hasSizeGreaterThan(100);

        Random random = new Random(7);
        int compared = 0;
        for (Instant instant : recorded) {
            for (Instant known : List.of(instant, instant.minus(1, ChronoUnit.MICROS))) {
                Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full = fullFold(tables, known);
                LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(200));
                LocalDate until = from.plusDays(random.nextInt(120));
                assertThat(timelines(known, from, until)).as("known at %s, %s to %s", known, from, until)
                        .isEqualTo(restricted(full, from, until));
                if (random.nextInt(4) == 0) {
                    assertThat(holdings(known, until, last)).as("holdings known at %s as of %s", known, until)
                            .isEqualTo(holdingsOf(full, until));
                    assertMonthlyBalances(full, known, YearMonth.from(from), last);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);

        // A trade backdated now changes the history from its date: reads as known from now on see it.
        long backdated = ledger.record(ACCOUNT, "late", "bob", trade(ACCOUNT, "late", TradeSide.BUY, "KFA", "3",
                "10.00", "2024-01-20", "30.00"));
        get("/api/v1/accounts/" + ACCOUNT + "/holdings?minPosition=" + backdated);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate end = LocalDate.of(2024, 12, 31);
        Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full = fullFold(tables, now);
        assertThat(timelines(now, LocalDate.of(2024, 1, 1), end))
                .isEqualTo(restricted(full, LocalDate.of(2024, 1, 1), end));
        assertThat(holdings(now, end, backdated)).isEqualTo(holdingsOf(full, end));
    }

    /** About 130 events over 2024: mostly in date order, some backdated, reversals and splits among them. */
    private LedgerScenario record(Random random) {
        LedgerScenario ledger = new LedgerScenario(events).oneMillisecondApart();
        ledger.open(ACCOUNT, "alice");
        LocalDate day = LocalDate.of(2024, 1, 3);
        Map<String, BigDecimal> held = new HashMap<>();
        List<Trade> reversible = new ArrayList<>();
        // KFC splits before the account first holds it; a buy backdated before that split comes later.
        split(ledger, "KFC", "2024-03-01", "2", "1");
        for (int i = 1; i <= 120; i++) {
            day = day.plusDays(random.nextInt(3));
            String id = "t" + i;
            LocalDate date = random.nextInt(6) == 0 ? day.minusDays(1 + random.nextInt(40)) : day;
            int roll = random.nextInt(100);
            String symbol = SYMBOLS[random.nextInt(i < 40 ? 2 : 3)];
            BigDecimal units = held.getOrDefault(symbol, BigDecimal.ZERO);
            if (i == 60) {
                record(ledger, trade(ACCOUNT, id, TradeSide.BUY, "KFC", "4", "20.00", "2024-02-20", "80.00"),
                        held, reversible, "KFC", "4", "80.00", LocalDate.of(2024, 2, 20));
            } else if (roll < 15) {
                String amount = (500 + random.nextInt(2000)) + ".00";
                ledger.record(ACCOUNT, id, "alice", new CashDepositedEvent(id(ACCOUNT), tx(id), eur(amount), null,
                        date, null, List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount))));
            } else if (roll < 25) {
                String fee = (1 + random.nextInt(9)) + ".50";
                ledger.record(ACCOUNT, id, "carol", new FeeChargedEvent(id(ACCOUNT), tx(id), eur(fee), null, date,
                        "custody", List.of(cash("-" + fee), leg(LegType.EXPENSE, "EUR", fee))));
            } else if (roll < 45 && units.signum() > 0) {
                int sold = 1 + random.nextInt(Math.min(units.intValue(), 15) + 1);
                String amount = (sold * (10 + random.nextInt(40))) + ".00";
                record(ledger, trade(ACCOUNT, id, TradeSide.SELL, symbol, Integer.toString(sold), "1.00",
                        day.toString(), amount), held, reversible, symbol, "-" + sold, "-" + amount, day);
            } else if (roll < 55 && !reversible.isEmpty()) {
                Trade original = reversible.remove(random.nextInt(reversible.size()));
                // Half cancel the original from its own date, half take it back on a later date.
                LocalDate effective = random.nextBoolean() ? original.date() : day;
                ledger.record(ACCOUNT, id, "carol", new TransactionReversedEvent(id(ACCOUNT), tx(id),
                        tx(original.id()), day, "correction", List.of(new Leg(LegType.SECURITY, original.symbol(),
                        original.units().negate(), original.amount().negate()), cash(original.amount().toPlainString())),
                        effective));
                held.merge(original.symbol(), original.units().negate(), BigDecimal::add);
            } else if (roll < 60) {
                boolean reverse = random.nextBoolean();
                split(ledger, symbol, (random.nextBoolean() ? day.plusDays(random.nextInt(5))
                        : day.minusDays(random.nextInt(60))).toString(), reverse ? "1" : "3", reverse ? "2" : "2");
            } else {
                int bought = 1 + random.nextInt(20);
                String amount = (bought * (10 + random.nextInt(40))) + ".00";
                record(ledger, trade(ACCOUNT, id, TradeSide.BUY, symbol, Integer.toString(bought), "1.00",
                        date.toString(), amount), held, reversible, symbol, Integer.toString(bought), amount, date);
            }
        }
        return ledger;
    }

    private static void record(LedgerScenario ledger, TradeRecordedEvent trade, Map<String, BigDecimal> held,
                               List<Trade> reversible, String symbol, String units, String amount, LocalDate date) {
        String id = trade.transactionId().value();
        ledger.record(ACCOUNT, id, "alice", trade);
        held.merge(symbol, new BigDecimal(units), BigDecimal::add);
        reversible.add(new Trade(id, symbol, new BigDecimal(units), new BigDecimal(amount), date));
    }

    private static void split(LedgerScenario ledger, String symbol, String date, String numerator,
                              String denominator) {
        ledger.record("instrument/" + symbol, "split-" + symbol + date, "feed", new SplitRecordedEvent(
                new Symbol(symbol), LocalDate.parse(date), new BigDecimal(numerator), new BigDecimal(denominator),
                "test"));
    }

    /** Every holding's whole history folded from nothing from what was recorded up to {@code known}. */
    private Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> fullFold(TableSet tables, Instant known) {
        List<Movement> movements = jdbc.query("select position, leg, asset, kind, effective_date, quantity, amount, "
                        + "transaction_id, reverses from " + tables.name(HoldingTables.MOVEMENTS) + " where account_id = ? "
                        + "and recorded_at <= ? order by kind, asset, effective_date, position, leg",
                (rs, i) -> new Movement(rs.getLong(1), rs.getInt(2), ACCOUNT, rs.getString(3),
                        Movement.Kind.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getString(8), rs.getString(9), null, null, null, null),
                ACCOUNT, java.sql.Timestamp.from(known));
        List<HoldingTables.Split> splits = jdbc.query("select position, symbol, effective_date, numerator, denominator "
                        + "from " + tables.name(HoldingTables.SPLITS) + " where recorded_at <= ? order by "
                        + "effective_date, position",
                (rs, i) -> new HoldingTables.Split(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), null, null, null), java.sql.Timestamp.from(known));
        Map<String, List<Movement>> byAsset = new LinkedHashMap<>();
        movements.forEach(m -> byAsset.computeIfAbsent(m.asset(), k -> new ArrayList<>()).add(m));
        Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> histories = new LinkedHashMap<>();
        byAsset.forEach((asset, list) -> {
            LocalDate first = list.get(0).date();
            List<HoldingTables.Split> applicable = splits.stream()
                    .filter(s -> s.symbol().equals(asset) && !s.date().isBefore(first)).toList();
            TreeMap<LocalDate, HoldingsKnownAt.Figures> history = new TreeMap<>();
            HoldingFold.fold(list, applicable, list.get(0).kind() == Movement.Kind.SECURITY).forEach((date, s) ->
                    history.put(date, new HoldingsKnownAt.Figures(s.quantity(), s.costBasis(), s.realizedPl())));
            histories.put(asset, history);
        });
        return histories;
    }

    /** The row on or before {@code from} and the rows up to {@code until}, as the timelines hold them. */
    private static Map<String, Map<LocalDate, String>> restricted(
            Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full, LocalDate from, LocalDate until) {
        Map<String, Map<LocalDate, String>> restricted = new LinkedHashMap<>();
        full.forEach((asset, history) -> {
            LocalDate start = history.floorKey(from);
            restricted.put(asset, text(history.subMap(start == null ? from : start, true, until, true)));
        });
        return restricted;
    }

    private Map<String, Map<LocalDate, String>> timelines(Instant known, LocalDate from, LocalDate until) {
        Map<String, Map<LocalDate, String>> timelines = new LinkedHashMap<>();
        knownAt.timelines(ACCOUNT, null, known, from, until).toIterable()
                .forEach(timeline -> timelines.put(timeline.asset(), text(timeline.history())));
        return timelines;
    }

    private static Map<LocalDate, String> text(Map<LocalDate, HoldingsKnownAt.Figures> history) {
        Map<LocalDate, String> text = new TreeMap<>();
        history.forEach((date, f) -> text.put(date, f.quantity().toPlainString() + " " + f.costBasis().toPlainString()
                + " " + f.realizedPl().toPlainString()));
        return text;
    }

    private static List<String> holdingsOf(Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full,
                                           LocalDate asOf) {
        List<String> rows = new ArrayList<>();
        full.forEach((asset, history) -> {
            var row = history.floorEntry(asOf);
            if (row != null) {
                rows.add(asset + " " + number(row.getValue().quantity()) + " " + number(row.getValue().costBasis())
                        + " " + number(row.getValue().realizedPl()));
            }
        });
        return rows;
    }

    private List<String> holdings(Instant known, LocalDate asOf, long last) {
        List<String> rows = new ArrayList<>();
        get("/api/v1/accounts/" + ACCOUNT + "/holdings?asOf=" + asOf + "&knownAt=" + known + "&minPosition=" + last)
                .get("holdings").forEach(h -> rows.add(h.get("asset").asText() + " " + number(h.get("quantity")
                        .decimalValue()) + " " + number(h.get("costBasis").decimalValue()) + " "
                        + number(h.get("realizedPl").decimalValue())));
        return rows;
    }

    /**
     * Twelve months of balances as known then: flows equal to the monthly entries recorded by then, and every
     * opening and closing to the full fold's quantity at the month's ends.
     */
    private void assertMonthlyBalances(Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full,
                                       Instant known, YearMonth from, long last) {
        JsonNode page = get("/api/v1/accounts/" + ACCOUNT + "/monthly-balances?from=" + from + "&to="
                + from.plusMonths(11) + "&knownAt=" + known + "&minPosition=" + last);
        Map<String, String> flows = new HashMap<>();
        jdbc.query("select asset, month, sum(greatest(quantity, 0)) as i, sum(greatest(-quantity, 0)) as o from "
                + catalog.tables("monthly-balances").name("monthly_entry") + " where account_id = ? and recorded_at "
                + "<= ? group by asset, month", rs -> {
            flows.put(rs.getString(1) + " " + YearMonth.from(rs.getDate(2).toLocalDate()),
                    number(rs.getBigDecimal(3)) + " " + number(rs.getBigDecimal(4)));
        }, ACCOUNT, java.sql.Timestamp.from(known));
        assertThat(page.get("items")).isNotEmpty();
        for (JsonNode item : page.get("items")) {
            String asset = item.get("asset").asText();
            YearMonth month = YearMonth.parse(item.get("month").asText());
            String what = asset + " " + month + " known at " + known;
            assertThat(number(item.get("inflows").decimalValue()) + " " + number(item.get("outflows").decimalValue()))
                    .as(what).isEqualTo(flows.getOrDefault(asset + " " + month, "0 0"));
            assertThat(number(item.get("opening").decimalValue())).as(what)
                    .isEqualTo(quantityAt(full, asset, month.minusMonths(1).atEndOfMonth()));
            assertThat(number(item.get("closing").decimalValue())).as(what)
                    .isEqualTo(quantityAt(full, asset, month.atEndOfMonth()));
        }
    }

    private static String quantityAt(Map<String, TreeMap<LocalDate, HoldingsKnownAt.Figures>> full, String asset,
                                     LocalDate day) {
        var row = full.getOrDefault(asset, new TreeMap<>()).floorEntry(day);
        return row == null ? "0" : number(row.getValue().quantity());
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private JsonNode get(String uri) {
        return Json.parse(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }
}
