package dev.finflow.query.admin;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.QueryRule;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.ProjectionMonitor;
import dev.finflow.runtime.projection.ProjectionProcessors;
import dev.finflow.runtime.projection.ProjectionStatus;
import dev.finflow.query.verify.domain.Verification;
import dev.finflow.query.verify.process.Verifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Operations on projections: where each stands (position, lag, state, rebuild progress), rebuilding one beside
 * the live copy, swapping a rebuild held for manual review, and verifying one against the store. Rebuild, swap and
 * verify do DDL and JDBC work, so they run on the bounded elastic scheduler rather than on an event-loop thread.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projections", description = "Projection status, rebuilds, verification and dead letters")
class AdminController {

    @Schema(name = "RebuildStarted")
    record RebuildStarted(@Schema(example = "holdings") String name, int buildingVersion, boolean autoSwap) {
    }

    private final ProjectionCatalog catalog;
    private final ProjectionMonitor monitor;
    private final ProjectionProcessors processors;
    private final Verifier verifier;

    AdminController(ProjectionCatalog catalog, ProjectionMonitor monitor, ProjectionProcessors processors,
                    Verifier verifier) {
        this.catalog = catalog;
        this.monitor = monitor;
        this.processors = processors;
        this.verifier = verifier;
    }

    @Operation(summary = "List the projections", description = "Each one's position, lag, state and rebuild.")
    @GetMapping
    Mono<List<ProjectionStatus>> projections() {
        return Mono.fromSupplier(monitor::statuses);
    }

    @Operation(summary = "A projection's status")
    @Raises("projection-not-found")
    @GetMapping("/{name}")
    Mono<ProjectionStatus> projection(@PathVariable String name) {
        return Mono.justOrEmpty(monitor.status(name)).switchIfEmpty(Mono.error(() -> unknown(name)));
    }

    @Operation(summary = "Rebuild a projection", description = "Builds a fresh copy beside the live one from the "
            + "events; `swap=auto` swaps it in when caught up, `manual` waits for `/swap`.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @Raises({"invalid-parameter", "projection-not-found"})
    @PostMapping("/{name}/rebuild")
    Mono<ResponseEntity<RebuildStarted>> rebuild(@PathVariable String name,
                                                 @RequestParam(defaultValue = "auto") String swap) {
        requireKnown(name);
        if (!swap.equals("auto") && !swap.equals("manual")) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "swap must be auto or manual, was '" + swap + "'",
                    "swap");
        }
        boolean auto = swap.equals("auto");
        return Mono.fromCallable(() -> processors.rebuild(name, auto))
                .subscribeOn(Schedulers.boundedElastic())
                .map(version -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new RebuildStarted(name, version,
                        auto)));
    }

    @Operation(summary = "Swap a rebuilt projection in", description = "After a manual rebuild has caught up.")
    @ApiResponse(responseCode = "200", description = "Swapped; the projection's status")
    @ApiResponse(responseCode = "409", description = "No caught-up rebuilt copy to swap in; the projection's status")
    @Raises("projection-not-found")
    @PostMapping("/{name}/swap")
    Mono<ResponseEntity<ProjectionStatus>> swap(@PathVariable String name) {
        requireKnown(name);
        return Mono.fromCallable(() -> processors.swap(name))
                .subscribeOn(Schedulers.boundedElastic())
                .map(swapped -> ResponseEntity.status(swapped ? HttpStatus.OK : HttpStatus.CONFLICT)
                        .body(monitor.status(name).orElse(null)));
    }

    @Operation(summary = "Verify a projection", description = "Compares the projection's tables with the events "
            + "folded up to one position; lists every difference.")
    @Raises("projection-not-found")
    @GetMapping("/{name}/verify")
    Mono<Verification> verify(@PathVariable String name) {
        return Mono.fromCallable(() -> verifier.verify(name).orElseThrow(() -> unknown(name)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private void requireKnown(String name) {
        if (catalog.projection(name).isEmpty()) {
            throw unknown(name);
        }
    }

    private static RuleViolation unknown(String name) {
        return new RuleViolation(QueryRule.PROJECTION_NOT_FOUND, "no projection " + name);
    }
}
