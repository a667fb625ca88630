package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Reads holdings through R2DBC from the active version of the holdings projection. */
@Component
public class HoldingsQueries {

    /** One holding as it stood at the end of a day. */
    @Schema(name = "Holding")
    public record Holding(@Schema(example = "ACME") String asset,
                          @Schema(allowableValues = {"CASH", "SECURITY"}) String kind,
                          @Schema(example = "10") BigDecimal quantity,
                          @Schema(types = {"number", "null"}) BigDecimal averageCost,
                          @Schema(types = {"number", "null"}) BigDecimal costBasis,
                          @Schema(types = {"number", "null"}) BigDecimal realizedPl, LocalDate lastChanged) {
    }

    /** An event that produced a holding. */
    @Schema(name = "HoldingLineageEvent")
    public record LineageEvent(String eventId, @Schema(example = "TradeRecordedEvent") String type, long position,
                               OffsetDateTime recordedAt, LocalDate effectiveDate,
                               @Schema(types = {"string", "null"}) String principal) {
    }

    /** An event that changed an account's figures: which, when it takes effect, when and by whom recorded. */
    @Schema(name = "Change")
    public record Change(String eventId, @Schema(example = "CashDepositedEvent") String type, long position,
                         @Schema(types = {"string", "null"}) String transactionId,
                         @Schema(types = {"string", "null"}) String reverses, List<String> assets,
                         LocalDate effectiveDate, OffsetDateTime recordedAt,
                         @Schema(types = {"string", "null"}) String principal) {
    }

    /** "Known at" without a bound: later than anything recorded. */
    private static final Instant ALWAYS = Instant.parse("9999-12-31T00:00:00Z");

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final HoldingsKnownAt knownAt;
    private final ZoneId zone;

    HoldingsQueries(DatabaseClient db, ProjectionCatalog catalog, HoldingsKnownAt knownAt,
                    @Value("${finflow.query.zone:America/New_York}") ZoneId zone) {
        this.db = db;
        this.catalog = catalog;
        this.knownAt = knownAt;
        this.zone = zone;
    }

    public Mono<Void> requireAccount(String accountId) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        return db.sql("select 1 from " + tables.name(HoldingTables.ACCOUNTS) + " where account_id = :account")
                .bind("account", accountId).map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND,
                        "no account " + accountId)))
                .then();
    }

    /**
     * Holdings now (at the end of today in the instruments' zone: a future-dated transaction or split counts only
     * from its date), or at the end of {@code asOf}: per asset, the latest history row on or before that day.
     * With {@code known} (an instant), only what was recorded up to it counts.
     */
    public Flux<Holding> holdings(String accountId, LocalDate asOf, Instant known) {
        LocalDate day = asOf == null ? LocalDate.now(zone) : asOf;
        if (known != null) {
            return knownAt.timelines(accountId, null, known, day, day).mapNotNull(timeline -> {
                var row = timeline.history().floorEntry(day);
                return row == null ? null : holding(timeline.asset(), timeline.kind(), new HoldingState(
                        row.getValue().quantity(), row.getValue().costBasis(), row.getValue().realizedPl(), 0),
                        row.getKey());
            });
        }
        return stored(accountId, day);
    }

    private Flux<Holding> stored(String accountId, LocalDate day) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        String keys = tables.name(HoldingTables.KEYS);
        String history = tables.name(HoldingTables.HISTORY);
        return db.sql("select k.asset, k.kind, h.quantity, h.cost_basis, h.realized_pl, h.effective_date from "
                        + keys + " k cross join lateral (select * from " + history + " x where x.account_id = "
                        + "k.account_id and x.asset = k.asset and x.effective_date <= :asOf order by "
                        + "x.effective_date desc limit 1) h where k.account_id = :account order by k.kind, k.asset")
                .bind("asOf", day)
                .bind("account", accountId).map(HoldingsQueries::holding).all();
    }

    /** The latest position applied to any holding of the account: changes whenever one of them changes. */
    public Mono<Long> lastChange(String accountId) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        return db.sql("select coalesce(max(last_position), -1) as p from " + tables.name(HoldingTables.KEYS)
                        + " where account_id = :account").bind("account", accountId)
                .map(row -> row.get("p", Long.class)).one();
    }

    /**
     * The movements (and splits) that produced a holding as it stood at the end of {@code asOf}, as known at
     * {@code known} (null: everything recorded), each with its effective date and recorded instant.
     */
    public Flux<LineageEvent> lineage(String accountId, String asset, LocalDate asOf, Instant known) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        LocalDate until = asOf == null ? LocalDate.of(9999, 12, 31) : asOf;
        return db.sql("select distinct on (position) event_id, event_type, position, recorded_at, effective_date, "
                        + "principal from " + tables.name(HoldingTables.MOVEMENTS) + " where account_id = :account "
                        + "and asset = :asset and effective_date <= :until and recorded_at <= :knownAt union all select event_id, "
                        + "'SplitRecordedEvent', position, recorded_at, effective_date, principal from "
                        + tables.name(HoldingTables.SPLITS) + " s where symbol = :asset and effective_date <= :until "
                        + "and recorded_at <= :knownAt and exists (select 1 from " + tables.name(HoldingTables.MOVEMENTS) + " m where "
                        + "m.account_id = :account and m.asset = :asset and m.effective_date < s.effective_date "
                        + "and m.recorded_at <= :knownAt) "
                        + "order by position")
                .bind("account", accountId).bind("asset", asset).bind("until", until)
                .bind("knownAt", known == null ? ALWAYS : known)
                .map(row -> new LineageEvent(row.get("event_id", String.class), row.get("event_type", String.class),
                        row.get("position", Long.class), row.get("recorded_at", OffsetDateTime.class),
                        row.get("effective_date", LocalDate.class), row.get("principal", String.class)))
                .all();
    }

    /**
     * The events recorded after {@code from} and up to {@code to} (null: no bound) that changed the account's
     * holdings as of {@code asOf}: its movements dated on or before it, and splits effective on or before it of
     * a symbol the account held before the split (as known at {@code to}).
     */
    public Flux<Change> changes(String accountId, LocalDate asOf, Instant from, Instant to) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        String movements = tables.name(HoldingTables.MOVEMENTS);
        return db.sql("select event_id, event_type, position, transaction_id, reverses, string_agg(distinct asset, "
                        + "',') as assets, effective_date, recorded_at, principal from " + movements + " where "
                        + "account_id = :account and effective_date <= :asOf and recorded_at > :from and "
                        + "recorded_at <= :to group by event_id, event_type, position, transaction_id, reverses, "
                        + "effective_date, recorded_at, principal union all select event_id, 'SplitRecordedEvent', "
                        + "position, null, null, symbol, effective_date, recorded_at, principal from "
                        + tables.name(HoldingTables.SPLITS) + " s where effective_date <= :asOf and recorded_at > "
                        + ":from and recorded_at <= :to and exists (select 1 from " + movements + " m where "
                        + "m.account_id = :account and m.asset = s.symbol and m.effective_date < s.effective_date "
                        + "and m.recorded_at <= :to) order by position")
                .bind("account", accountId).bind("asOf", asOf)
                .bind("from", from == null ? Instant.EPOCH : from).bind("to", to == null ? ALWAYS : to)
                .map(row -> new Change(row.get("event_id", String.class), row.get("event_type", String.class),
                        row.get("position", Long.class), row.get("transaction_id", String.class),
                        row.get("reverses", String.class), List.of(row.get("assets", String.class).split(",")),
                        row.get("effective_date", LocalDate.class), row.get("recorded_at", OffsetDateTime.class),
                        row.get("principal", String.class)))
                .all();
    }

    private static Holding holding(Readable row) {
        return holding(row.get("asset", String.class), row.get("kind", String.class), new HoldingState(
                row.get("quantity", BigDecimal.class), row.get("cost_basis", BigDecimal.class),
                row.get("realized_pl", BigDecimal.class), 0), row.get("effective_date", LocalDate.class));
    }

    private static Holding holding(String asset, String kind, HoldingState state, LocalDate lastChanged) {
        boolean cash = "CASH".equals(kind);
        return new Holding(asset, kind, state.quantity(), cash ? null : state.averageCost(), state.costBasis(),
                state.realizedPl(), lastChanged);
    }

}
