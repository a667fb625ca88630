package dev.finflow.command.ingestion.runs.web;

import dev.finflow.command.api.Bounds;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.api.StrictText;
import dev.finflow.command.ingestion.runs.process.IngestionRuns;
import dev.finflow.command.ingestion.runs.process.RunPlanner;
import dev.finflow.command.ingestion.runs.process.IngestionRuns;
import dev.finflow.command.ingestion.runs.process.RunPlanner;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Starts an ingestion run by hand. The run executes in the background: the answer (202) names the run and the
 * position of its started event; its progress is read on the query side ({@code GET /ingestion/runs}). Its dates
 * keep the bounds of every date ({@link Bounds#date}); its texts are JSON strings only.
 */
@RestController
@RequestMapping("/api/v1/ingestion/runs")
@Tag(name = "Ingestion", description = "Market-data ingestion runs")
class RunController {

    /** The request body: {@code symbols} or a {@code watchlist}; {@code providers} and {@code runId} optional. */
    @Schema(name = "IngestionRunRequest")
    record RunRequest(@Schema(example = "run-2024-01-05") @JsonDeserialize(using = StrictText.class) String runId,
                      @Schema(description = "Or `watchlist`", example = "[\"ACME\"]")
                      @JsonDeserialize(contentUsing = StrictText.class) List<String> symbols,
                      @Schema(description = "Or `symbols`", example = "default")
                      @JsonDeserialize(using = StrictText.class) String watchlist,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-02") LocalDate from,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-05") LocalDate to,
                      @Schema(example = "[\"synthetic\"]")
                      @JsonDeserialize(contentUsing = StrictText.class) List<String> providers) {
    }

    /** @param status {@code STARTED}, or {@code ALREADY_STARTED} for a repeated request that started nothing */
    @Schema(name = "IngestionRunAccepted")
    record RunAccepted(@Schema(example = "run-2024-01-05") String runId, @Schema(example = "60") long position,
                       @Schema(allowableValues = {"STARTED", "ALREADY_STARTED"}) String status) {
    }

    private final RunPlanner planner;
    private final IngestionRuns runs;
    private final ZoneId zone;

    RunController(RunPlanner planner, IngestionRuns runs, @Value("${finflow.instruments.zone:UTC}") ZoneId zone) {
        this.planner = planner;
        this.runs = runs;
        this.zone = zone;
    }

    @Operation(summary = "Start an ingestion run", description = "Fetches the bars of `symbols` (or a configured "
            + "`watchlist`) from `from` to `to` from the providers, in the background; the query side's "
            + "`/api/v1/ingestion/runs/{runId}` follows it. The same `runId` again starts nothing.")
    @ApiResponse(responseCode = "202", description = "Started (STARTED), or started before (ALREADY_STARTED)")
    @Raises({"missing-field", "invalid-field", "date-out-of-bounds", "invalid-date-range", "unknown-watchlist",
            "unknown-provider", "ingestion-run-conflict"})
    @PostMapping
    Mono<ResponseEntity<RunAccepted>> start(@RequestBody RunRequest request, RequestMetadata metadata) {
        return Mono.defer(() -> {
            LocalDate today = LocalDate.now(zone);
            return runs.start(planner.plan(request.runId(), RunTrigger.MANUAL, request.watchlist(), request.symbols(),
                    Bounds.date(request.from(), "from", today), Bounds.date(request.to(), "to", today),
                    request.providers()), metadata.toMetaData());
        })
                .map(started -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new RunAccepted(started.runId(),
                        started.position(), started.alreadyStarted() ? "ALREADY_STARTED" : "STARTED")));
    }
}
