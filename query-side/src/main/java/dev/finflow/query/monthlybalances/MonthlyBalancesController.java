package dev.finflow.query.monthlybalances;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.projection.ProjectionCatalog;
import dev.finflow.query.projection.TableSet;
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
import java.util.List;

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

    MonthlyBalancesController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites,
                              SecurityClosings closings, AccountAccess access) {
        this.access = access;
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
                .then(flows(accountId, asset, known).collectList())
                .flatMap(flows -> {
                    // One balance more than the page tells whether there is a next page.
                    List<MonthlyBalances.Balance> all = MonthlyBalances.page(flows, first, last, after, size + 1);
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
     * The stored flows, or (with {@code known}) the flows summed from the entries recorded up to that instant.
     */
    private reactor.core.publisher.Flux<MonthlyBalances.Flow> flows(String accountId, String asset, Instant known) {
        TableSet tables = catalog.tables(MonthlyBalancesProjection.NAME);
        String flows = tables.name(MonthlyBalancesProjection.FLOWS);
        String sql = known == null ? "select asset, kind, month, inflows, outflows from " + flows
                + " where account_id = :account" + (asset == null ? "" : " and asset = :asset")
                + " order by asset, month"
                : "select e.asset, k.kind, e.month, sum(greatest(e.quantity, 0)) as inflows, "
                + "sum(greatest(-e.quantity, 0)) as outflows from " + tables.name(MonthlyBalancesProjection.ENTRIES)
                + " e join (select distinct asset, kind from " + flows + " where account_id = :account) k on "
                + "k.asset = e.asset where e.account_id = :account and e.recorded_at <= :knownAt"
                + (asset == null ? "" : " and e.asset = :asset") + " group by e.asset, k.kind, e.month "
                + "order by e.asset, e.month";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("account", accountId);
        if (known != null) {
            spec = spec.bind("knownAt", known);
        }
        if (asset != null) {
            spec = spec.bind("asset", asset);
        }
        return spec.map(row -> new MonthlyBalances.Flow(row.get("asset", String.class), row.get("kind", String.class),
                YearMonth.from(row.get("month", LocalDate.class)), row.get("inflows", BigDecimal.class),
                row.get("outflows", BigDecimal.class))).all();
    }
}
