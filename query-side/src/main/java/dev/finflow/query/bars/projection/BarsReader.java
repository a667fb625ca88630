package dev.finflow.query.bars.projection;

import dev.finflow.query.bars.domain.InstrumentView;
import dev.finflow.query.bars.domain.ActionView;
import dev.finflow.query.bars.domain.Adjustments;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bars projection's active tables with R2DBC. Public because valuations price holdings with it.
 */
@Component
public class BarsReader {

    /** The projection whose tables it reads. */
    public static final String PROJECTION = BarsProjection.NAME;

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;

    BarsReader(DatabaseClient db, ProjectionCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /** A stored bar: raw values, verdict and findings. */
    public record StoredBar(String symbol, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
                            BigDecimal close, BigDecimal adjustedClose, long volume, String verdict,
                            String findings, int revision, String runId, String source, long position) {
    }

    private TableSet tables() {
        return catalog.tables(BarsProjection.NAME);
    }

    public Mono<InstrumentView> instrument(String symbol) {
        return db.sql("select * from " + tables().name(BarsProjection.INSTRUMENTS) + " where symbol = :symbol")
                .bind("symbol", symbol).map((Readable row) -> instrument(row)).one();
    }

    public Flux<InstrumentView> instruments(String afterSymbol, int limit) {
        return db.sql("select * from " + tables().name(BarsProjection.INSTRUMENTS)
                        + " where symbol > :after order by symbol limit :limit")
                .bind("after", afterSymbol == null ? "" : afterSymbol).bind("limit", limit)
                .map((Readable row) -> instrument(row)).all();
    }

    /** Registered FX pairs (for currency conversion). */
    public Flux<InstrumentView> fxPairs() {
        return db.sql("select * from " + tables().name(BarsProjection.INSTRUMENTS) + " where type = 'FX_PAIR'")
                .map((Readable row) -> instrument(row)).all();
    }

    public Flux<StoredBar> bars(String symbol, LocalDate from, LocalDate to, LocalDate after, int limit) {
        return db.sql("select * from " + tables().name(BarsProjection.BARS) + " where symbol = :symbol"
                        + " and bar_date >= :from and bar_date <= :to and bar_date > :after"
                        + " order by bar_date limit :limit")
                .bind("symbol", symbol).bind("from", from == null ? LocalDate.of(1, 1, 1) : from)
                .bind("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .bind("after", after == null ? LocalDate.of(1, 1, 1) : after).bind("limit", limit)
                .map((Readable row) -> bar(row)).all();
    }

    /**
     * The latest kept bar on or before {@code date} (accepted or flagged: quarantined bars are never here), as
     * known at {@code known} (null: the bars as they stand).
     */
    public Mono<StoredBar> latestOnOrBefore(String symbol, LocalDate date, Instant known) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("select * from " + barsKnownAt(known) + " b where symbol ="
                        + " :symbol and bar_date <= :date order by bar_date desc limit 1")
                .bind("symbol", symbol).bind("date", date);
        return (known == null ? spec : spec.bind("knownAt", known)).map((Readable row) -> bar(row)).one();
    }

    /** {@link #latestOnOrBefore(String, LocalDate, Instant)} of several symbols in one statement. */
    public Flux<StoredBar> latestOnOrBefore(Collection<String> symbols, LocalDate date, Instant known) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("select b.* from unnest(cast(:symbols as text[])) as s(symbol)"
                        + " cross join lateral (select * from " + barsKnownAt(known) + " x where x.symbol = s.symbol"
                        + " and x.bar_date <= :date order by x.bar_date desc limit 1) b")
                .bind("symbols", symbols.toArray(String[]::new)).bind("date", date);
        return (known == null ? spec : spec.bind("knownAt", known)).map((Readable row) -> bar(row)).all();
    }

    /**
     * Every kept bar of {@code symbols} dated on or before {@code until}, as known at {@code known} (null: as the
     * bars stand), ordered by symbol and date: what a valuation over a whole period needs, in one statement.
     */
    public Flux<StoredBar> keptBars(Collection<String> symbols, LocalDate until, Instant known) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("select * from " + barsKnownAt(known) + " b where symbol ="
                        + " any(cast(:symbols as text[])) and bar_date <= :until order by symbol, bar_date")
                .bind("symbols", symbols.toArray(String[]::new)).bind("until", until);
        return (known == null ? spec : spec.bind("knownAt", known)).map((Readable row) -> bar(row)).all();
    }

    /** The registered instruments among {@code symbols}. */
    public Flux<InstrumentView> instruments(Collection<String> symbols) {
        return db.sql("select * from " + tables().name(BarsProjection.INSTRUMENTS) + " where symbol = any(cast("
                        + ":symbols as text[]))").bind("symbols", symbols.toArray(String[]::new))
                .map((Readable row) -> instrument(row)).all();
    }

    /**
     * The bar table, or (with {@code known}) the bars as they stood at that instant: each bar recorded by then,
     * in the revision that had not been replaced by then. Binds {@code :knownAt}.
     */
    private String barsKnownAt(Instant known) {
        TableSet tables = tables();
        if (known == null) {
            return tables.name(BarsProjection.BARS);
        }
        return "(select * from " + tables.name(BarsProjection.BARS) + " where recorded_at <= :knownAt union all"
                + " select symbol, bar_date, open, high, low, close, adjusted_close, volume, verdict, findings,"
                + " revision, run_id, source, position, recorded_at from " + tables.name(BarsProjection.REVISIONS)
                + " where recorded_at <= :knownAt and replaced_at > :knownAt)";
    }

    /** Bars applied after ({@code position}, {@code date}) in that order: what the stream sends next. */
    public Flux<StoredBar> appliedAfter(String symbol, long position, LocalDate date, int limit) {
        return db.sql("select * from " + tables().name(BarsProjection.BARS) + " where symbol = :symbol"
                        + " and (position, bar_date) > (:position, :date) order by position, bar_date limit :limit")
                .bind("symbol", symbol).bind("position", position).bind("date", date).bind("limit", limit)
                .map((Readable row) -> bar(row)).all();
    }

    public Mono<Long> lastPosition(String symbol) {
        return db.sql("select coalesce(max(position), -1) as p from " + tables().name(BarsProjection.BARS)
                        + " where symbol = :symbol").bind("symbol", symbol)
                .map(row -> row.get("p", Long.class)).one();
    }

    /**
     * The symbol's splits and dividends, each dividend with the close of the last bar before its ex date; with
     * {@code known}, only the actions and bars recorded up to that instant.
     */
    public Mono<Adjustments> adjustments(String symbol, Instant known) {
        return adjustments(List.of(symbol), known).map(bySymbol -> bySymbol.getOrDefault(symbol,
                Adjustments.none()));
    }

    /** {@link #adjustments(String, Instant)} of several symbols in one statement; a symbol without actions is absent. */
    public Mono<Map<String, Adjustments>> adjustments(Collection<String> symbols, Instant known) {
        TableSet tables = tables();
        DatabaseClient.GenericExecuteSpec spec = db.sql("select a.symbol, a.kind, a.effective_date, a.numerator,"
                        + " a.denominator, a.amount, p.bar_date as prior_date, p.close as prior_close from " + tables.name(BarsProjection.ACTIONS) + " a left join lateral"
                        + " (select b.bar_date, b.close from " + barsKnownAt(known) + " b where"
                        + " a.kind = 'DIVIDEND' and b.symbol = a.symbol and b.bar_date < a.effective_date"
                        + " order by b.bar_date desc limit 1) p on true where a.symbol = any(cast(:symbols as"
                        + " text[]))" + (known == null ? "" : " and a.recorded_at <= :knownAt") + " order by a.position")
                .bind("symbols", symbols.toArray(String[]::new));
        return (known == null ? spec : spec.bind("knownAt", known))
                .map(row -> Map.entry(row.get("symbol", String.class), new Adjustments.Action(row.get("kind", String.class),
                        row.get("effective_date", LocalDate.class), row.get("numerator", BigDecimal.class),
                        row.get("denominator", BigDecimal.class), row.get("amount", BigDecimal.class),
                        row.get("prior_date", LocalDate.class), row.get("prior_close", BigDecimal.class))))
                .all().collectList().map(rows -> {
                    Map<String, List<Adjustments.Action>> bySymbol = new HashMap<>();
                    rows.forEach(row -> bySymbol.computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                            .add(row.getValue()));
                    Map<String, Adjustments> adjustments = new HashMap<>();
                    bySymbol.forEach((symbol, actions) -> adjustments.put(symbol, Adjustments.of(actions)));
                    return adjustments;
                });
    }

    /** The symbol's splits and dividends as recorded, in date order (the instrument page marks them). */
    public Flux<ActionView> actions(String symbol) {
        return db.sql("select kind, effective_date, numerator, denominator, amount, currency, source, position from "
                        + tables().name(BarsProjection.ACTIONS) + " where symbol = :symbol"
                        + " order by effective_date, position").bind("symbol", symbol)
                .map((Readable row) -> new ActionView(row.get("kind", String.class),
                        row.get("effective_date", LocalDate.class), plain(row.get("numerator", BigDecimal.class)),
                        plain(row.get("denominator", BigDecimal.class)), plain(row.get("amount", BigDecimal.class)),
                        row.get("currency", String.class), row.get("source", String.class),
                        row.get("position", Long.class))).all();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static InstrumentView instrument(Readable row) {
        return new InstrumentView(row.get("symbol", String.class), row.get("name", String.class),
                row.get("type", String.class), row.get("currency", String.class),
                row.get("base_currency", String.class), row.get("exchange", String.class),
                row.get("registered_on", LocalDate.class));
    }

    private static StoredBar bar(Readable row) {
        return new StoredBar(row.get("symbol", String.class), row.get("bar_date", LocalDate.class),
                row.get("open", BigDecimal.class), row.get("high", BigDecimal.class),
                row.get("low", BigDecimal.class), row.get("close", BigDecimal.class),
                row.get("adjusted_close", BigDecimal.class), row.get("volume", Long.class),
                row.get("verdict", String.class), row.get("findings", String.class),
                row.get("revision", Integer.class), row.get("run_id", String.class),
                row.get("source", String.class), row.get("position", Long.class));
    }
}
