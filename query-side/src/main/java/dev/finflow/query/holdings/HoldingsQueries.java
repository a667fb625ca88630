package dev.finflow.query.holdings;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.query.projection.ProjectionCatalog;
import dev.finflow.query.projection.TableSet;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads holdings through R2DBC from the active version of the holdings projection. */
@Component
class HoldingsQueries {

    /** One holding as it stood at the end of a day. */
    record Holding(String asset, String kind, BigDecimal quantity, BigDecimal averageCost, BigDecimal costBasis,
                   BigDecimal realizedPl, LocalDate lastChanged) {
    }

    /** An event that produced a holding. */
    record LineageEvent(String eventId, String type, long position, OffsetDateTime recordedAt,
                        LocalDate effectiveDate, String principal) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;

    HoldingsQueries(DatabaseClient db, ProjectionCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    Mono<Void> requireAccount(String accountId) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        return db.sql("select 1 from " + tables.name(HoldingTables.ACCOUNTS) + " where account_id = :account")
                .bind("account", accountId).map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND,
                        "no account " + accountId)))
                .then();
    }

    /** Holdings now, or at the end of {@code asOf}: per asset, the latest history row on or before that day. */
    Flux<Holding> holdings(String accountId, LocalDate asOf) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        String keys = tables.name(HoldingTables.KEYS);
        String history = tables.name(HoldingTables.HISTORY);
        DatabaseClient.GenericExecuteSpec sql = asOf == null
                ? db.sql("select k.asset, k.kind, h.quantity, h.cost_basis, h.realized_pl, h.effective_date from "
                + keys + " k join " + history + " h on h.account_id = k.account_id and h.asset = k.asset and "
                + "h.effective_date = k.last_date where k.account_id = :account order by k.kind, k.asset")
                : db.sql("select k.asset, k.kind, h.quantity, h.cost_basis, h.realized_pl, h.effective_date from "
                + keys + " k cross join lateral (select * from " + history + " x where x.account_id = k.account_id"
                + " and x.asset = k.asset and x.effective_date <= :asOf order by x.effective_date desc limit 1) h "
                + "where k.account_id = :account order by k.kind, k.asset").bind("asOf", asOf);
        return sql.bind("account", accountId).map(HoldingsQueries::holding).all();
    }

    /** The latest position applied to any holding of the account: changes whenever one of them changes. */
    Mono<Long> lastChange(String accountId) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        return db.sql("select coalesce(max(last_position), -1) as p from " + tables.name(HoldingTables.KEYS)
                        + " where account_id = :account").bind("account", accountId)
                .map(row -> row.get("p", Long.class)).one();
    }

    /** The movements (and splits) that produced a holding as it stood at the end of {@code asOf}. */
    Flux<LineageEvent> lineage(String accountId, String asset, LocalDate asOf) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        LocalDate until = asOf == null ? LocalDate.of(9999, 12, 31) : asOf;
        return db.sql("select distinct on (position) event_id, event_type, position, recorded_at, effective_date, "
                        + "principal from " + tables.name(HoldingTables.MOVEMENTS) + " where account_id = :account "
                        + "and asset = :asset and effective_date <= :until union all select event_id, "
                        + "'SplitRecordedEvent', position, recorded_at, effective_date, principal from "
                        + tables.name(HoldingTables.SPLITS) + " s where symbol = :asset and effective_date <= :until "
                        + "and exists (select 1 from " + tables.name(HoldingTables.MOVEMENTS) + " m where "
                        + "m.account_id = :account and m.asset = :asset and m.effective_date < s.effective_date) "
                        + "order by position")
                .bind("account", accountId).bind("asset", asset).bind("until", until)
                .map(row -> new LineageEvent(row.get("event_id", String.class), row.get("event_type", String.class),
                        row.get("position", Long.class), row.get("recorded_at", OffsetDateTime.class),
                        row.get("effective_date", LocalDate.class), row.get("principal", String.class)))
                .all();
    }

    private static Holding holding(Readable row) {
        HoldingState state = new HoldingState(row.get("quantity", BigDecimal.class),
                row.get("cost_basis", BigDecimal.class), row.get("realized_pl", BigDecimal.class), 0);
        boolean cash = "CASH".equals(row.get("kind", String.class));
        return new Holding(row.get("asset", String.class), row.get("kind", String.class), state.quantity(),
                cash ? null : state.averageCost(), state.costBasis(), state.realizedPl(),
                row.get("effective_date", LocalDate.class));
    }

}
