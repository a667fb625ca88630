package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.query.holdings.domain.Movement;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import io.r2dbc.spi.Readable;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holdings "as known at" an instant: each holding's history as the movements and splits recorded up to that
 * instant make it (a backdated trade or a reversal recorded later is left out, so the history is what the system
 * showed then). The stored history reflects everything recorded, and is the history as known then up to the day
 * before the earliest effective date of anything recorded later; only from that date on is the history folded
 * again, from the account's movements in memory ({@link AccountMovementsCache}). Public because valuations and
 * monthly balances read it too.
 */
@Component
public class HoldingsKnownAt {

    /** A holding's figures at the end of a day. */
    public record Figures(BigDecimal quantity, BigDecimal costBasis, BigDecimal realizedPl) {
    }

    /** One holding's history as known at the instant: the figures at the end of each date it changed on. */
    public record Timeline(String asset, String kind, NavigableMap<LocalDate, Figures> history) {
    }

    /** A movement (a cash or security leg) recorded up to the instant. */
    public record KnownLeg(String asset, String kind, LocalDate effectiveDate, BigDecimal quantity) {
    }

    /** The instant as PostgreSQL stores it (microseconds), and the account's movements as they stand. */
    private record Known(long micros, AccountMovements movements) {
    }

    /** Stored history rows per asset, read in the state named {@code token}. */
    private record Stored(String token, Map<String, TreeMap<LocalDate, HoldingState>> rows) {
    }

    /** A read whose stored rows and cached movements come from different states of the account tries again. */
    private static final int ATTEMPTS = 5;

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final AccountMovementsCache cache;

    HoldingsKnownAt(DatabaseClient db, ProjectionCatalog catalog, AccountMovementsCache cache) {
        this.db = db;
        this.catalog = catalog;
        this.cache = cache;
    }

    /** The account's currency, or the problem {@code account-not-found}. */
    public Mono<String> accountCurrency(String accountId) {
        return db.sql("select currency from " + catalog.tables(HoldingsProjection.NAME).name("holding_account")
                        + " where account_id = :account").bind("account", accountId)
                .map((Readable row) -> row.get("currency", String.class)).one()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND, "no account "
                        + accountId)));
    }

    /**
     * Every holding of the account (of {@code assets} only, unless null) with a movement recorded up to
     * {@code knownAt}, ordered by kind and asset; each history holds its row on or before {@code from} and its
     * rows after it up to {@code until}.
     */
    public Flux<Timeline> timelines(String accountId, Set<String> assets, Instant knownAt, LocalDate from,
                                    LocalDate until) {
        return timelines(catalog.tables(HoldingsProjection.NAME), accountId, assets, knownAt, from, until, 1)
                .flatMapIterable(list -> list);
    }

    /** The account's movements recorded up to {@code knownAt}, ordered by kind, asset and effective date. */
    public Mono<List<KnownLeg>> legs(String accountId, Instant knownAt) {
        return known(catalog.tables(HoldingsProjection.NAME), accountId, knownAt).map(known -> {
            List<KnownLeg> legs = new ArrayList<>();
            known.movements().holdings.values().forEach(holding -> holding.byDate.forEach(leg -> {
                Movement m = leg.movement();
                if (AccountMovements.micros(m.recordedAt()) <= known.micros()) {
                    legs.add(new KnownLeg(m.asset(), m.kind().name(), m.date(), m.quantity()));
                }
            }));
            return legs;
        });
    }

    private Mono<Known> known(TableSet tables, String accountId, Instant knownAt) {
        // The instant as the database compares it (rounded to microseconds), and the account's current token.
        return db.sql("select cast(:knownAt as timestamptz) as known, " + AccountMovementsCache.token(tables)
                        + " as token").bind("knownAt", knownAt).bind("account", accountId)
                .map(row -> Map.entry(row.get("known", Instant.class), row.get("token", String.class))).one()
                .flatMap(row -> cache.movements(tables, accountId, row.getValue())
                        .map(movements -> new Known(AccountMovements.micros(row.getKey()), movements)));
    }

    private Mono<List<Timeline>> timelines(TableSet tables, String accountId, Set<String> assets, Instant knownAt,
                                           LocalDate from, LocalDate until, int attempt) {
        return known(tables, accountId, knownAt).flatMap(known -> {
            Map<String, LocalDate> changed = new LinkedHashMap<>();
            known.movements().holdings.values().stream()
                    .filter(h -> (assets == null || assets.contains(h.asset)) && h.knownAt(known.micros()))
                    .forEach(h -> changed.put(h.asset, h.changedFrom(known.micros())));
            if (changed.isEmpty()) {
                return Mono.just(List.<Timeline>of());
            }
            return stored(tables, accountId, changed, from, until).flatMap(stored -> {
                if (!stored.token().equals(known.movements().token)) {
                    // The account changed between the two reads: read both again.
                    return attempt < ATTEMPTS ? timelines(tables, accountId, assets, knownAt, from, until, attempt + 1)
                            : Mono.error(new IllegalStateException("account " + accountId + " kept changing"));
                }
                List<Timeline> timelines = new ArrayList<>();
                changed.forEach((name, date) -> timelines.add(KnownAtFold.timeline(known.movements().holdings
                        .get(name), date, stored.rows().getOrDefault(name, new TreeMap<>()), known.micros(), from,
                        until)));
                return Mono.just(timelines);
            });
        });
    }

    /**
     * Per asset, the stored rows valid as known then: those before its changed date (all, when null), the last
     * one on or before {@code from} and the later ones up to {@code until}; with the token, in one statement.
     */
    private Mono<Stored> stored(TableSet tables, String accountId, Map<String, LocalDate> changed, LocalDate from,
                                LocalDate until) {
        List<String> assets = new ArrayList<>();
        List<String> lows = new ArrayList<>();
        List<String> highs = new ArrayList<>();
        changed.forEach((asset, date) -> {
            LocalDate high = date == null || date.isAfter(until) ? until : date.minusDays(1);
            assets.add(asset);
            lows.add((from.isBefore(high) ? from : high).toString());
            highs.add(high.toString());
        });
        String history = tables.name(HoldingTables.HISTORY);
        return db.sql("select t.token, h.* from " + AccountMovementsCache.token(tables) + " as t(token) left join "
                        + "(select w.asset, x.effective_date, x.quantity, x.cost_basis, x.realized_pl, "
                        + "x.last_position from unnest(cast(:assets as text[]), cast(:lows as date[]), "
                        + "cast(:highs as date[])) as w(asset, low, high) cross join lateral ((select * from "
                        + history + " r where r.account_id = :account and r.asset = w.asset and r.effective_date <= "
                        + "w.low order by r.effective_date desc limit 1) union all (select * from " + history
                        + " r where r.account_id = :account and r.asset = w.asset and r.effective_date > w.low and "
                        + "r.effective_date <= w.high)) x) h on true")
                .bind("account", accountId).bind("assets", assets.toArray(String[]::new))
                .bind("lows", lows.toArray(String[]::new)).bind("highs", highs.toArray(String[]::new))
                .map(row -> new Object[]{row.get("token", String.class), row.get("asset", String.class),
                        row.get("effective_date", LocalDate.class), row.get("asset", String.class) == null ? null
                        : new HoldingState(row.get("quantity", BigDecimal.class), row.get("cost_basis",
                        BigDecimal.class), row.get("realized_pl", BigDecimal.class), row.get("last_position",
                        Long.class))})
                .all().collectList()
                .map(rows -> {
                    Map<String, TreeMap<LocalDate, HoldingState>> byAsset = new HashMap<>();
                    rows.stream().filter(row -> row[1] != null).forEach(row -> byAsset.computeIfAbsent(
                            (String) row[1], k -> new TreeMap<>()).put((LocalDate) row[2], (HoldingState) row[3]));
                    return new Stored((String) rows.get(0)[0], byAsset);
                });
    }
}
