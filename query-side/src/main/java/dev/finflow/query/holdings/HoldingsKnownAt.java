package dev.finflow.query.holdings;

import dev.finflow.query.projection.ProjectionCatalog;
import dev.finflow.query.projection.TableSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Holdings "as known at" an instant: each holding's history folded on read from the movements and splits of the
 * holdings projection recorded up to that instant (a backdated trade or a reversal recorded later is left out, so
 * the history is what the system showed then). Public because valuations and monthly balances read it too.
 */
@Component
public class HoldingsKnownAt {

    /** A holding's figures at the end of a day. */
    public record Figures(BigDecimal quantity, BigDecimal costBasis, BigDecimal realizedPl) {
    }

    /** One holding's history as known at the instant: the figures at the end of each date it changed on. */
    public record Timeline(String asset, String kind, NavigableMap<LocalDate, Figures> history) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;

    HoldingsKnownAt(DatabaseClient db, ProjectionCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /**
     * True when a movement of the account, or a split of a security it holds, was recorded after {@code known}:
     * otherwise the stored history is already the history as known then, and a read need not fold.
     */
    public Mono<Boolean> changedAfter(String accountId, Instant known) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        return db.sql("select exists (select 1 from " + tables.name(HoldingTables.MOVEMENTS) + " where account_id = "
                        + ":account and recorded_at > :knownAt) or exists (select 1 from "
                        + tables.name(HoldingTables.SPLITS) + " s join " + tables.name(HoldingTables.KEYS) + " k on "
                        + "k.asset = s.symbol and k.account_id = :account and k.kind = 'SECURITY' where "
                        + "s.recorded_at > :knownAt) as changed")
                .bind("account", accountId).bind("knownAt", known)
                .map(row -> row.get("changed", Boolean.class)).one();
    }

    /** Every holding of the account (of {@code asset} only, unless null), ordered by kind and asset. */
    public Flux<Timeline> timelines(String accountId, String asset, Instant knownAt) {
        TableSet tables = catalog.tables(HoldingsProjection.NAME);
        DatabaseClient.GenericExecuteSpec movements = db.sql("select position, leg, asset, kind, effective_date, "
                        + "quantity, amount, transaction_id, reverses from " + tables.name(HoldingTables.MOVEMENTS)
                        + " where account_id = :account and recorded_at <= :knownAt"
                        + (asset == null ? "" : " and asset = :asset")
                        + " order by kind, asset, effective_date, position, leg")
                .bind("account", accountId).bind("knownAt", knownAt);
        return (asset == null ? movements : movements.bind("asset", asset))
                .map(row -> new Movement(row.get("position", Long.class), row.get("leg", Integer.class), accountId,
                        row.get("asset", String.class), Movement.Kind.valueOf(row.get("kind", String.class)),
                        row.get("effective_date", LocalDate.class), row.get("quantity", BigDecimal.class),
                        row.get("amount", BigDecimal.class), row.get("transaction_id", String.class),
                        row.get("reverses", String.class), null, null, null, null))
                .all().collectList()
                .flatMapMany(all -> splits(tables, accountId, knownAt).map(splits -> fold(all, splits)))
                .flatMapIterable(list -> list);
    }

    private Mono<Map<String, List<HoldingTables.Split>>> splits(TableSet tables, String accountId, Instant knownAt) {
        return db.sql("select s.position, s.symbol, s.effective_date, s.numerator, s.denominator from "
                        + tables.name(HoldingTables.SPLITS) + " s where s.recorded_at <= :knownAt and s.symbol in "
                        + "(select asset from " + tables.name(HoldingTables.KEYS) + " where account_id = :account "
                        + "and kind = 'SECURITY') order by s.effective_date, s.position")
                .bind("knownAt", knownAt).bind("account", accountId)
                .map(row -> new HoldingTables.Split(row.get("position", Long.class), row.get("symbol", String.class),
                        row.get("effective_date", LocalDate.class), row.get("numerator", BigDecimal.class),
                        row.get("denominator", BigDecimal.class), null, null, null))
                .all()
                .collect(LinkedHashMap::new, (map, split) -> map.computeIfAbsent(split.symbol(),
                        k -> new ArrayList<>()).add(split));
    }

    private static List<Timeline> fold(List<Movement> movements, Map<String, List<HoldingTables.Split>> splits) {
        Map<String, List<Movement>> byAsset = new LinkedHashMap<>();
        movements.forEach(m -> byAsset.computeIfAbsent(m.asset(), k -> new ArrayList<>()).add(m));
        List<Timeline> timelines = new ArrayList<>();
        byAsset.forEach((asset, list) -> {
            boolean security = list.get(0).kind() == Movement.Kind.SECURITY;
            LocalDate first = list.get(0).date();
            // Splits before the first movement do not concern the holding (as in the stored history).
            List<HoldingTables.Split> applicable = splits.getOrDefault(asset, List.of()).stream()
                    .filter(split -> !split.date().isBefore(first)).toList();
            TreeMap<LocalDate, Figures> history = new TreeMap<>();
            HoldingFold.fold(list, applicable, security).forEach((date, state) -> history.put(date,
                    new Figures(state.quantity(), state.costBasis(), state.realizedPl())));
            timelines.add(new Timeline(asset, list.get(0).kind().name(), history));
        });
        return timelines;
    }
}
