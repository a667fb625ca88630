package dev.finflow.query.monthlybalances.web;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.holdings.projection.HoldingsKnownAt;
import dev.finflow.query.monthlybalances.projection.MonthlyBalances;
import dev.finflow.query.monthlybalances.projection.MonthlyBalancesProjection;
import dev.finflow.query.monthlybalances.projection.SecurityClosings;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Monthly balances of an account (opening, inflows, outflows, closing per asset and month) and their lineage. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Monthly balances", description = "Opening, inflows, outflows and closing per asset and month")
class MonthlyBalancesController {

    @Schema(name = "MonthlyBalancesPage")
    record Page(@Schema(example = "acc-1") String accountId, List<MonthlyBalances.Balance> items,
                @Schema(types = {"string", "null"}) String nextCursor) {
    }

    @Schema(name = "MonthlyBalanceLineageEvent")
    record LineageEvent(String eventId, @Schema(example = "CashDepositedEvent") String type, long position,
                        OffsetDateTime recordedAt, BigDecimal quantity,
                        @Schema(types = {"string", "null"}) String principal) {
    }

    @Schema(name = "MonthlyBalanceLineage")
    record Lineage(@Schema(example = "acc-1") String accountId, @Schema(example = "EUR") String asset,
                   @Schema(type = "string", example = "2024-01") YearMonth month, List<LineageEvent> events) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final SecurityClosings closings;
    private final AccountAccess access;
    private final HoldingsKnownAt knownAt;

    MonthlyBalancesController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites,
                              SecurityClosings closings, AccountAccess access, HoldingsKnownAt knownAt) {
        this.access = access;
        this.knownAt = knownAt;
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.closings = closings;
    }

    @Operation(summary = "Monthly balances of an account", description = "Per asset and month, from `from` to `to` "
            + "(YYYY-MM), a page at a time (`limit`, `cursor` = the previous page's `nextCursor`).")
    @Raises({"invalid-date", "invalid-instant", "invalid-limit", "invalid-cursor", "invalid-position",
            "account-not-found", "projection-behind"})
    @GetMapping("/accounts/{accountId}/monthly-balances")
    Mono<Page> balances(@PathVariable String accountId, @RequestParam(required = false) String asset,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String knownAt,
                        @RequestParam(required = false) String minPosition) {
        Instant known = Params.knownAt(knownAt);
        YearMonth first = Params.month(from, "from");
        YearMonth last = Params.month(to, "to");
        int size = Params.limit(limit);
        MonthlyBalances.Cursor after = MonthlyBalances.Cursor.parse(cursor);
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(MonthlyBalancesProjection.NAME, position)
                .then(readYourWrites.await(SecurityClosings.HOLDINGS, position))
                .then(access.requireAccount(accountId, position))
                .then(requireAccount(accountId))
                // One balance more than the page tells whether there is a next page.
                .then(balances(accountId, asset, known, first, last, after, size + 1))
                .flatMap(all -> {
                    List<MonthlyBalances.Balance> page = all.stream().limit(size).toList();
                    String next = all.size() > size ? MonthlyBalances.Cursor.of(page.get(size - 1)) : null;
                    return closings.rebase(accountId, page, known).map(items -> new Page(accountId, items, next));
                });
    }

    @Operation(summary = "Lineage of a monthly balance", description = "The events behind one asset's month.")
    @Raises({"invalid-date", "invalid-instant", "invalid-position", "account-not-found", "projection-behind"})
    @GetMapping("/lineage/monthly-balances/{accountId}/{asset}/{month}")
    Mono<Lineage> lineage(@PathVariable String accountId, @PathVariable String asset, @PathVariable String month,
                          @RequestParam(required = false) String knownAt,
                          @RequestParam(required = false) String minPosition) {
        YearMonth yearMonth = Params.month(month, "month");
        Instant known = Params.knownAt(knownAt);
        TableSet tables = catalog.tables(MonthlyBalancesProjection.NAME);
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(MonthlyBalancesProjection.NAME, position)
                .then(access.requireLineage(accountId, position))
                .then(requireAccount(accountId))
                .then(db.sql("select event_id, event_type, position, recorded_at, sum(quantity) as quantity, principal "
                                + "from " + tables.name(MonthlyBalancesProjection.ENTRIES) + " where account_id = "
                                + ":account and asset = :asset and month = :month and recorded_at <= :knownAt group by event_id, "
                                + "event_type, "
                                + "position, recorded_at, principal order by position")
                        .bind("account", accountId).bind("asset", asset).bind("month", yearMonth.atDay(1))
                        .bind("knownAt", known == null ? Instant.parse("9999-12-31T00:00:00Z") : known)
                        .map(row -> new LineageEvent(row.get("event_id", String.class),
                                row.get("event_type", String.class), row.get("position", Long.class),
                                row.get("recorded_at", OffsetDateTime.class), row.get("quantity", BigDecimal.class),
                                row.get("principal", String.class)))
                        .all().collectList())
                .map(events -> new Lineage(accountId, asset, yearMonth, events));
    }

    private Mono<Void> requireAccount(String accountId) {
        TableSet tables = catalog.tables(MonthlyBalancesProjection.NAME);
        return db.sql("select 1 from " + tables.name(MonthlyBalancesProjection.ACCOUNTS) + " where account_id = "
                        + ":account").bind("account", accountId).map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND,
                        "no account " + accountId)))
                .then();
    }

    /**
     * A page of balances. From the stored flows, the page costs its own rows: the assets' spans (one row per
     * asset) plan which months it shows, then only the flows within those months are read, with each range's
     * opening summed in the database. "As known at" sums the flows from the movements recorded up to that instant
     * (the same cash and security legs the monthly entries keep, held in memory by the holdings read) and pages
     * them in memory.
     */
    private Mono<List<MonthlyBalances.Balance>> balances(String accountId, String asset, Instant known, YearMonth from,
                                                         YearMonth to, MonthlyBalances.Cursor after, int limit) {
        if (known != null) {
            return knownAt.legs(accountId, known).map(legs -> MonthlyBalances.page(MonthlyBalances.flows(legs.stream()
                    .filter(leg -> asset == null || asset.equals(leg.asset())).toList()), from, to, after, limit));
        }
        String flows = catalog.tables(MonthlyBalancesProjection.NAME).name(MonthlyBalancesProjection.FLOWS);
        DatabaseClient.GenericExecuteSpec spans = db.sql("select asset, kind, min(month) as first, max(month) as last "
                + "from " + flows + " where account_id = :account" + (asset == null ? "" : " and asset = :asset")
                + " group by asset, kind order by asset").bind("account", accountId);
        if (asset != null) {
            spans = spans.bind("asset", asset);
        }
        return spans.map(row -> new MonthlyBalances.Span(row.get("asset", String.class), row.get("kind", String.class),
                        YearMonth.from(row.get("first", LocalDate.class)), YearMonth.from(row.get("last", LocalDate.class))))
                .all().collectList()
                .map(found -> MonthlyBalances.plan(found, from, to, after, limit))
                .flatMap(ranges -> ranges.isEmpty() ? Mono.just(List.of()) : fill(flows, accountId, ranges));
    }

    private Mono<List<MonthlyBalances.Balance>> fill(String flows, String accountId, List<MonthlyBalances.Range> ranges) {
        String[] assets = ranges.stream().map(MonthlyBalances.Range::asset).toArray(String[]::new);
        String[] starts = ranges.stream().map(range -> range.start().atDay(1).toString()).toArray(String[]::new);
        String[] stops = ranges.stream().map(range -> range.stop().atDay(1).toString()).toArray(String[]::new);
        String range = " from unnest(cast(:assets as text[]), cast(:starts as date[]), cast(:stops as date[])) "
                + "as r(asset, start, stop) join " + flows + " f on f.account_id = :account and f.asset = r.asset and ";
        // One statement, so the openings and the page's flows come from one snapshot even while the projection
        // writes: an opening comes as a row without a month.
        return db.sql("select r.asset, null as kind, null::date as month, sum(f.inflows - f.outflows) as inflows, "
                        + "0 as outflows" + range + "f.month < r.start group by r.asset union all "
                        + "select f.asset, f.kind, f.month, f.inflows, f.outflows" + range
                        + "f.month between r.start and r.stop")
                .bind("assets", assets).bind("starts", starts).bind("stops", stops).bind("account", accountId)
                .map(row -> row.get("month", LocalDate.class) == null
                        ? new MonthlyBalances.Flow(row.get("asset", String.class), null, null,
                                row.get("inflows", BigDecimal.class), BigDecimal.ZERO)
                        : flow(row))
                .all().collectList()
                .map(rows -> {
                    Map<String, BigDecimal> openings = new HashMap<>();
                    List<MonthlyBalances.Flow> within = new ArrayList<>();
                    for (MonthlyBalances.Flow row : rows) {
                        if (row.month() == null) {
                            openings.put(row.asset(), row.inflows());
                        } else {
                            within.add(row);
                        }
                    }
                    return MonthlyBalances.fill(ranges, openings, within);
                });
    }

    private static MonthlyBalances.Flow flow(Readable row) {
        return new MonthlyBalances.Flow(row.get("asset", String.class), row.get("kind", String.class),
                YearMonth.from(row.get("month", LocalDate.class)), row.get("inflows", BigDecimal.class),
                row.get("outflows", BigDecimal.class));
    }
}
