package dev.finflow.query.quality.web;

import dev.finflow.query.quality.projection.QualityProjection;
import dev.finflow.query.quality.domain.QualityOverview;
import dev.finflow.query.quality.domain.QualityReport;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/quality}: every symbol's verdict counts (overall and per rule) with its newest staleness
 * finding, and the issues of all symbols newest first, a page at a time (the data-quality page of the dashboard).
 */
@RestController
@Tag(name = "Market data")
class QualityOverviewController {

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;

    QualityOverviewController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites) {
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Quality of every instrument's data", description = "Per symbol the verdict counts overall "
            + "and per rule and the newest staleness finding; the bars that were not simply accepted, of all symbols, "
            + "newest first, a page at a time (`cursor` = the previous page's `nextCursor`).")
    @Raises({"invalid-limit", "invalid-cursor", "invalid-position", "projection-behind"})
    @GetMapping("/api/v1/quality")
    Mono<QualityOverview> overview(@RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String minPosition) {
        long[] before = cursor == null || cursor.isBlank() ? new long[]{Long.MAX_VALUE, Integer.MAX_VALUE}
                : QualityController.cursor(cursor);
        int size = Params.limit(limit);
        return readYourWrites.await(QualityProjection.NAME, Params.minPosition(minPosition))
                .then(Mono.defer(() -> {
                    TableSet tables = catalog.tables(QualityProjection.NAME);
                    return Mono.zip(symbols(tables), issues(tables, before, size)).map(parts -> {
                        List<QualityOverview.Issue> issues = parts.getT2();
                        QualityOverview.Issue last = issues.isEmpty() ? null : issues.get(issues.size() - 1);
                        return new QualityOverview(parts.getT1(), issues,
                                issues.size() == size ? last.position() + "-" + last.item() : null);
                    });
                }));
    }

    private Mono<List<QualityOverview.SymbolQuality>> symbols(TableSet tables) {
        Mono<Map<String, List<QualityController.Count>>> counts = db.sql("select symbol, rule, verdict, bars,"
                        + " corrections from " + tables.name(QualityProjection.COUNTS) + " order by symbol, rule, verdict")
                .map((Readable row) -> Map.entry(row.get("symbol", String.class), new QualityController.Count(
                        row.get("rule", String.class), row.get("verdict", String.class), row.get("bars", Long.class),
                        row.get("corrections", Long.class)))).all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Mono<Map<String, QualityReport.StalenessView>> staleness = db.sql("select distinct on (symbol) * from "
                        + tables.name(QualityProjection.STALENESS) + " order by symbol, position desc")
                .map((Readable row) -> Map.entry(row.get("symbol", String.class), new QualityReport.StalenessView(
                        row.get("newest_bar", LocalDate.class), row.get("expected_latest", LocalDate.class),
                        row.get("checked_on", LocalDate.class), row.get("position", Long.class)))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(counts, staleness).map(found -> found.getT1().entrySet().stream().map(symbol -> {
            QualityController.Counted counted = QualityController.Counted.of(symbol.getValue());
            return new QualityOverview.SymbolQuality(symbol.getKey(), counted.verdicts(), counted.corrections(),
                    counted.rules(), found.getT2().get(symbol.getKey()));
        }).toList());
    }

    private Mono<List<QualityOverview.Issue>> issues(TableSet tables, long[] before, int limit) {
        return db.sql("select position, item, symbol, bar_date, verdict, findings, run_id, source, recorded_at from "
                        + tables.name(QualityProjection.ISSUES) + " where (position, item) < (:position, :item)"
                        + " order by position desc, item desc limit :limit")
                .bind("position", before[0]).bind("item", (int) before[1]).bind("limit", limit)
                .map((Readable row) -> new QualityOverview.Issue(row.get("symbol", String.class),
                        row.get("bar_date", String.class), row.get("verdict", String.class),
                        JsonText.findings(row.get("findings", String.class)), row.get("run_id", String.class),
                        row.get("source", String.class), row.get("position", Long.class),
                        row.get("item", Integer.class), row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
