package dev.finflow.query.monthlybalances.projection;

import dev.finflow.query.holdings.projection.HoldingsKnownAt;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Units of a security at each month end in that month's share basis. Monthly flows are units as traded, in the
 * share basis of their date, so summing them across a split mixes bases; the holdings projection's history
 * applies every split from its date, and its row on or before a month end is what the account held then. A
 * security's opening and closing are taken from there (inflows and outflows stay as traded), reading only the
 * history rows of the page's months.
 */
@Component
public class SecurityClosings {

    public static final String HOLDINGS = "holdings";

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final HoldingsKnownAt knownAt;

    SecurityClosings(DatabaseClient db, ProjectionCatalog catalog, HoldingsKnownAt knownAt) {
        this.db = db;
        this.catalog = catalog;
        this.knownAt = knownAt;
    }

    /** {@code known}: the holdings as known at that instant (null: as they stand). */
    public Mono<List<MonthlyBalances.Balance>> rebase(String accountId, List<MonthlyBalances.Balance> page,
                                                      Instant known) {
        Map<String, List<MonthlyBalances.Balance>> securities = new LinkedHashMap<>();
        page.stream().filter(b -> "SECURITY".equals(b.kind()))
                .forEach(b -> securities.computeIfAbsent(b.asset(), k -> new ArrayList<>()).add(b));
        if (securities.isEmpty()) {
            return Mono.just(page);
        }
        Mono<Map<String, TreeMap<LocalDate, BigDecimal>>> histories = known == null
                ? Flux.fromIterable(securities.entrySet())
                        .concatMap(entry -> history(accountId, entry.getKey(), entry.getValue()).map(rows -> Map.entry(
                                entry.getKey(), rows)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                : knownHistories(accountId, securities, known);
        return histories.map(rows -> page.stream().map(b -> !"SECURITY".equals(b.kind()) ? b : rebased(b,
                rows.getOrDefault(b.asset(), new TreeMap<>()))).toList());
    }

    private static MonthlyBalances.Balance rebased(MonthlyBalances.Balance balance,
                                                   TreeMap<LocalDate, BigDecimal> history) {
        return new MonthlyBalances.Balance(balance.asset(), balance.kind(), balance.month(),
                unitsAt(history, balance.month().minusMonths(1).atEndOfMonth()), balance.inflows(),
                balance.outflows(), unitsAt(history, balance.month().atEndOfMonth()));
    }

    private static BigDecimal unitsAt(TreeMap<LocalDate, BigDecimal> history, LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> row = history.floorEntry(day);
        return row == null ? BigDecimal.ZERO : row.getValue();
    }

    /** As known at {@code known}: the units of the page's securities at its month ends, read at once. */
    private Mono<Map<String, TreeMap<LocalDate, BigDecimal>>> knownHistories(
            String accountId, Map<String, List<MonthlyBalances.Balance>> securities, Instant known) {
        List<YearMonth> months = securities.values().stream().flatMap(List::stream).map(MonthlyBalances.Balance::month)
                .toList();
        LocalDate before = months.stream().min(YearMonth::compareTo).orElseThrow().minusMonths(1).atEndOfMonth();
        LocalDate end = months.stream().max(YearMonth::compareTo).orElseThrow().atEndOfMonth();
        return knownAt.timelines(accountId, securities.keySet(), known, before, end)
                .collectMap(HoldingsKnownAt.Timeline::asset, timeline -> {
                    TreeMap<LocalDate, BigDecimal> units = new TreeMap<>();
                    timeline.history().forEach((date, figures) -> units.put(date, figures.quantity()));
                    return units;
                });
    }

    /** The history rows within the page's months, and the last one before them (the first opening). */
    private Mono<TreeMap<LocalDate, BigDecimal>> history(String accountId, String asset,
                                                          List<MonthlyBalances.Balance> rows) {
        TableSet tables = catalog.tables(HOLDINGS);
        String history = tables.name("holding_history");
        YearMonth first = rows.get(0).month();
        YearMonth last = rows.get(rows.size() - 1).month();
        LocalDate before = first.minusMonths(1).atEndOfMonth();
        return db.sql("(select effective_date, quantity from " + history + " where account_id = :account and asset = "
                        + ":asset and effective_date <= :before order by effective_date desc limit 1) union all "
                        + "(select effective_date, quantity from " + history + " where account_id = :account and "
                        + "asset = :asset and effective_date > :before and effective_date <= :end)")
                .bind("account", accountId).bind("asset", asset).bind("before", before)
                .bind("end", last.atEndOfMonth())
                .map(row -> Map.entry(row.get("effective_date", LocalDate.class),
                        row.get("quantity", BigDecimal.class)))
                .all()
                .collect(TreeMap<LocalDate, BigDecimal>::new, (map, e) -> map.put(e.getKey(), e.getValue()));
    }
}
