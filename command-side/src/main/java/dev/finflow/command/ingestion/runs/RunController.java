package dev.finflow.command.ingestion.runs;

import dev.finflow.command.api.RequestMetadata;
import dev.finflow.events.ingestion.RunTrigger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/**
 * Starts an ingestion run by hand. The run executes in the background: the answer (202) names the run and the
 * position of its started event; its progress is read on the query side ({@code GET /ingestion/runs}).
 */
@RestController
@RequestMapping("/api/v1/ingestion/runs")
class RunController {

    /** The request body: {@code symbols} or a {@code watchlist}; {@code providers} and {@code runId} optional. */
    record RunRequest(String runId, List<String> symbols, String watchlist, LocalDate from, LocalDate to,
                      List<String> providers) {
    }

    /** @param status {@code STARTED}, or {@code ALREADY_STARTED} for a repeated request that started nothing */
    record RunAccepted(String runId, long position, String status) {
    }

    private final RunPlanner planner;
    private final IngestionRuns runs;

    RunController(RunPlanner planner, IngestionRuns runs) {
        this.planner = planner;
        this.runs = runs;
    }

    @PostMapping
    Mono<ResponseEntity<RunAccepted>> start(@RequestBody RunRequest request, RequestMetadata metadata) {
        return Mono.defer(() -> runs.start(planner.plan(request.runId(), RunTrigger.MANUAL, request.watchlist(),
                        request.symbols(), request.from(), request.to(), request.providers()), metadata.toMetaData()))
                .map(started -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new RunAccepted(started.runId(),
                        started.position(), started.alreadyStarted() ? "ALREADY_STARTED" : "STARTED")));
    }
}
