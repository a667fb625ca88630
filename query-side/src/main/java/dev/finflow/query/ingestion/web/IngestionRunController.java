package dev.finflow.query.ingestion.web;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.QueryRule;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.ingestion.projection.IngestionRunProjection;
import dev.finflow.query.ingestion.projection.RunView;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Ingestion runs, newest first (keyset paged by the position that started them), and one run in detail. */
@RestController
@RequestMapping("/api/v1/ingestion/runs")
@Tag(name = "Ingestion", description = "Market-data ingestion runs and their progress")
class IngestionRunController {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final Set<String> STATUSES = Set.of("RUNNING", "COMPLETED", "FAILED");

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;

    IngestionRunController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites) {
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    /** A page of runs; the next page is {@code cursor=<startPosition of the last run>}. */
    @Operation(summary = "List ingestion runs", description = "Newest first, optionally by `status` (RUNNING, "
            + "COMPLETED, FAILED), a page at a time; progress and attempts are only in a run's detail.")
    @Raises({"invalid-parameter", "invalid-limit", "invalid-cursor", "invalid-position", "projection-behind"})
    @GetMapping
    Mono<List<RunView>> runs(@RequestParam(required = false) String status,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String minPosition) {
        if (status != null && !STATUSES.contains(status)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "status must be RUNNING, COMPLETED or FAILED, was '"
                    + status + "'", "status");
        }
        long before = cursor == null ? Long.MAX_VALUE : Params.cursor(cursor);
        int size = Params.limit(limit);
        return readYourWrites.await(IngestionRunProjection.NAME, Params.minPosition(minPosition))
                .then(Mono.defer(() -> {
                    DatabaseClient.GenericExecuteSpec sql = db.sql(select(tables()) + " where r.start_position < :before"
                                    + (status == null ? "" : " and r.status = :status")
                                    + " order by r.start_position desc limit :limit")
                            .bind("before", before).bind("limit", size);
                    if (status != null) {
                        sql = sql.bind("status", status);
                    }
                    return sql.map((Readable row) -> run(row)).all().collectList();
                }));
    }

    @Operation(summary = "An ingestion run", description = "With its progress per symbol and its failed attempts.")
    @Raises({"invalid-position", "ingestion-run-not-found", "projection-behind"})
    @GetMapping("/{runId}")
    Mono<RunView> run(@PathVariable String runId, @RequestParam(required = false) String minPosition) {
        return readYourWrites.await(IngestionRunProjection.NAME, Params.minPosition(minPosition))
                .then(Mono.defer(() -> {
                    TableSet tables = tables();
                    return db.sql(select(tables) + " where r.run_id = :run").bind("run", runId)
                            .map((Readable row) -> run(row)).one()
                            .switchIfEmpty(Mono.error(() -> new RuleViolation(QueryRule.INGESTION_RUN_NOT_FOUND,
                                    "no ingestion run has the id '" + runId + "'")))
                            .flatMap(run -> Mono.zip(progress(tables, run), attempts(tables, runId))
                                    .map(detail -> run.withDetail(detail.getT1(), detail.getT2())));
                }));
    }

    private TableSet tables() {
        return catalog.tables(IngestionRunProjection.NAME);
    }

    private static String select(TableSet tables) {
        return "select r.*, (select count(*) from " + tables.name(IngestionRunProjection.SYMBOLS) + " s where"
                + " s.run_id = r.run_id) as symbols_done, (select count(*) from "
                + tables.name(IngestionRunProjection.ATTEMPTS) + " a where a.run_id = r.run_id) as failed_attempts"
                + " from " + tables.name(IngestionRunProjection.RUNS) + " r";
    }

    /** Every symbol the run set out to fetch, in its order: DONE with counts, or PENDING. */
    private Mono<List<RunView.SymbolProgress>> progress(TableSet tables, RunView run) {
        return db.sql("select * from " + tables.name(IngestionRunProjection.SYMBOLS) + " where run_id = :run")
                .bind("run", run.runId())
                .map((Readable row) -> new RunView.SymbolProgress(row.get("symbol", String.class), "DONE",
                        row.get("provider", String.class), row.get("received", Integer.class),
                        row.get("accepted", Integer.class), row.get("flagged", Integer.class),
                        row.get("rejected", Integer.class), row.get("duplicates", Integer.class),
                        row.get("corrected", Integer.class)))
                .all().collectMap(RunView.SymbolProgress::symbol, Function.identity())
                .map(done -> run.symbols().stream().map(symbol -> done.getOrDefault(symbol,
                        new RunView.SymbolProgress(symbol, "PENDING", null, null, null, null, null, null, null)))
                        .collect(Collectors.toList()));
    }

    private Mono<List<RunView.Attempt>> attempts(TableSet tables, String runId) {
        return db.sql("select * from " + tables.name(IngestionRunProjection.ATTEMPTS) + " where run_id = :run"
                        + " order by position").bind("run", runId)
                .map((Readable row) -> new RunView.Attempt(row.get("symbol", String.class),
                        row.get("provider", String.class), row.get("attempt", Integer.class),
                        row.get("cause", String.class), row.get("next_step", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    private static RunView run(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new RunView(row.get("run_id", String.class), row.get("trigger", String.class),
                row.get("watchlist", String.class), strings(row.get("symbols", String.class)),
                row.get("range_from", LocalDate.class), row.get("range_to", LocalDate.class),
                strings(row.get("providers", String.class)), row.get("status", String.class),
                row.get("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), strings(row.get("failed_symbols", String.class)),
                row.get("cause", String.class), row.get("bars_received", Integer.class),
                row.get("symbols_done", Long.class).intValue(), row.get("failed_attempts", Long.class).intValue(),
                null, null);
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable list " + json, e);
        }
    }
}
