package dev.finflow.query.quality.web;

import dev.finflow.query.quality.projection.QualityProjection;
import dev.finflow.query.quality.domain.QualityReport;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.QueryRule;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code GET /api/v1/instruments/{symbol}/quality}: counts, the issues (paged by position and item), staleness. */
@RestController
@Tag(name = "Market data")
class QualityController {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final Set<String> ISSUE_VERDICTS = Set.of("FLAGGED", "REJECTED", "ACCEPTED");

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final BarsReader bars;
    private final ReadYourWrites readYourWrites;

    QualityController(DatabaseClient db, ProjectionCatalog catalog, BarsReader bars, ReadYourWrites readYourWrites) {
        this.db = db;
        this.catalog = catalog;
        this.bars = bars;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Quality of an instrument's data", description = "Verdict counts overall and per rule, a "
            + "page of the bars that were not simply accepted (`verdict` FLAGGED, REJECTED or CORRECTED), staleness.")
    @Raises({"invalid-parameter", "invalid-limit", "invalid-cursor", "invalid-position", "instrument-not-found",
            "projection-behind"})
    @GetMapping("/api/v1/instruments/{symbol}/quality")
    Mono<QualityReport> quality(@PathVariable String symbol, @RequestParam(required = false) String verdict,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String limit,
                                @RequestParam(required = false) String minPosition) {
        if (verdict != null && !ISSUE_VERDICTS.contains(verdict)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER,
                    "verdict must be FLAGGED, REJECTED or ACCEPTED, was '" + verdict + "'", "verdict");
        }
        long[] after = cursor(cursor);
        int size = Params.limit(limit);
        Long position = Params.minPosition(minPosition);
        // The instrument is the bars projection's: it must have applied the position too.
        return readYourWrites.await(QualityProjection.NAME, position)
                .then(readYourWrites.await(BarsReader.PROJECTION, position))
                .then(Mono.defer(() -> bars.instrument(symbol)))
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.INSTRUMENT_NOT_FOUND,
                        "no instrument is registered under the symbol '" + symbol + "'")))
                .flatMap(instrument -> {
                    TableSet tables = catalog.tables(QualityProjection.NAME);
                    return Mono.zip(counts(tables, symbol), issues(tables, symbol, verdict, after, size),
                            staleness(tables, symbol)).map(parts -> report(symbol, parts.getT1(), parts.getT2(),
                            parts.getT3(), size));
                });
    }

    /** One row of the counts table: how many bars of a symbol got a verdict, overall or from one rule. */
    record Count(String rule, String verdict, long bars, long corrections) {
    }

    /** A symbol's counts folded: verdicts of all bars (and how many came from corrections), and per rule. */
    record Counted(Map<String, Long> verdicts, long corrections, List<QualityReport.RuleCount> rules) {

        static Counted of(List<Count> counts) {
            Map<String, Long> verdicts = new TreeMap<>(Map.of("ACCEPTED", 0L, "FLAGGED", 0L, "REJECTED", 0L));
            long corrections = 0;
            Map<String, Map<String, Long>> rules = new TreeMap<>();
            for (Count count : counts) {
                if (count.rule().equals(QualityProjection.ALL_RULES)) {
                    verdicts.put(count.verdict(), count.bars());
                    corrections += count.corrections();
                } else {
                    rules.computeIfAbsent(count.rule(), r -> new TreeMap<>()).put(count.verdict(), count.bars());
                }
            }
            return new Counted(verdicts, corrections, rules.entrySet().stream()
                    .map(rule -> new QualityReport.RuleCount(rule.getKey(), rule.getValue())).toList());
        }
    }

    private Mono<List<Count>> counts(TableSet tables, String symbol) {
        return db.sql("select rule, verdict, bars, corrections from " + tables.name(QualityProjection.COUNTS)
                        + " where symbol = :symbol order by rule, verdict").bind("symbol", symbol)
                .map((Readable row) -> new Count(row.get("rule", String.class), row.get("verdict", String.class),
                        row.get("bars", Long.class), row.get("corrections", Long.class))).all().collectList();
    }

    private Mono<List<QualityReport.IssueView>> issues(TableSet tables, String symbol, String verdict, long[] after,
                                                       int limit) {
        DatabaseClient.GenericExecuteSpec sql = db.sql("select * from " + tables.name(QualityProjection.ISSUES)
                        + " where symbol = :symbol and (position, item) > (:position, :item)"
                        + (verdict == null ? "" : " and verdict = :verdict") + " order by position, item limit :limit")
                .bind("symbol", symbol).bind("position", after[0]).bind("item", (int) after[1])
                .bind("limit", limit);
        if (verdict != null) {
            sql = sql.bind("verdict", verdict);
        }
        return sql.map((Readable row) -> new QualityReport.IssueView(row.get("bar_date", String.class),
                        row.get("verdict", String.class), row.get("origin", String.class),
                        JsonText.findings(row.get("findings", String.class)), object(row.get("bar", String.class)),
                        row.get("run_id", String.class), row.get("source", String.class),
                        row.get("position", Long.class), row.get("item", Integer.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    private Mono<List<QualityReport.StalenessView>> staleness(TableSet tables, String symbol) {
        return db.sql("select * from " + tables.name(QualityProjection.STALENESS) + " where symbol = :symbol"
                        + " order by position desc limit 100").bind("symbol", symbol)
                .map((Readable row) -> new QualityReport.StalenessView(row.get("newest_bar", LocalDate.class),
                        row.get("expected_latest", LocalDate.class), row.get("checked_on", LocalDate.class),
                        row.get("position", Long.class))).all().collectList();
    }

    private static QualityReport report(String symbol, List<Count> counts, List<QualityReport.IssueView> issues,
                                        List<QualityReport.StalenessView> staleness, int limit) {
        Counted counted = Counted.of(counts);
        QualityReport.IssueView last = issues.isEmpty() ? null : issues.get(issues.size() - 1);
        String next = issues.size() == limit ? last.position() + "-" + last.item() : null;
        return new QualityReport(symbol, counted.verdicts(), counted.corrections(), counted.rules(), issues, next,
                staleness);
    }

    /** The cursor names the last issue of the previous page as {@code <position>-<item>}. */
    static long[] cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new long[]{-1, -1};
        }
        try {
            String[] parts = cursor.split("-", 2);
            return new long[]{Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException e) {
            throw new RuleViolation(QueryRule.INVALID_CURSOR, "cursor must be the nextCursor of a previous page, was '"
                    + cursor + "'", "cursor");
        }
    }

    private static Object object(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable bar " + json, e);
        }
    }
}
