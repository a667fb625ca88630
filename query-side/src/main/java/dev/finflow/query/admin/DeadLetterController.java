package dev.finflow.query.admin;

import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.QueryRule;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.ProjectionDeadLetters;
import dev.finflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The dead letters of a projection (the version readers use): list them, apply a sequence's letters again once
 * the cause is fixed, or evict one unapplied (recorded with the caller, the time and the reason). JDBC work, so it
 * runs on the bounded elastic scheduler.
 */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/dead-letters")
@Tag(name = "Projections")
class DeadLetterController {

    private final ProjectionCatalog catalog;
    private final ProjectionDeadLetters deadLetters;

    DeadLetterController(ProjectionCatalog catalog, ProjectionDeadLetters deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "List a projection's dead letters")
    @Raises("projection-not-found")
    @GetMapping
    Mono<List<ProcessorDeadLetters.Letter>> list(@PathVariable String name) {
        requireKnown(name);
        return Mono.fromCallable(() -> deadLetters.list(name)).subscribeOn(Schedulers.boundedElastic());
    }

    /** 200 when every letter of the sequence applied; 409 naming the cause when one still fails. */
    @Operation(summary = "Retry a sequence of dead letters", description = "Once the cause is fixed: 200 when every "
            + "letter of the sequence applied, 409 dead-letter-still-failing naming the cause when one still fails.")
    @Raises({"invalid-parameter", "projection-not-found", "dead-letter-not-found", "dead-letter-still-failing"})
    @PostMapping("/retry")
    Mono<ProcessorDeadLetters.Retry> retry(@PathVariable String name, @RequestParam String sequence) {
        requireKnown(name);
        return Mono.fromCallable(() -> deadLetters.retry(name, sequence).orElseThrow(() -> new RuleViolation(
                        QueryRule.DEAD_LETTER_NOT_FOUND, name + " has no dead letters in sequence " + sequence)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(retry -> {
                    if (retry.failure() != null) {
                        throw new RuleViolation(QueryRule.DEAD_LETTER_STILL_FAILING, retry.applied()
                                + " applied, " + retry.remaining() + " left in sequence " + sequence + ": "
                                + retry.failure());
                    }
                    return retry;
                });
    }

    @Operation(summary = "Evict a dead letter", description = "Gives the event up for this projection; recorded with "
            + "the caller, the time and the reason.")
    @Raises({"projection-not-found", "dead-letter-not-found"})
    @PostMapping("/{eventId}/evict")
    Mono<ProcessorDeadLetters.Letter> evict(@PathVariable String name, @PathVariable String eventId,
                                            @RequestParam(required = false) String reason) {
        requireKnown(name);
        return Caller.current().publishOn(Schedulers.boundedElastic())
                .map(caller -> deadLetters.evict(name, eventId, caller.id(), reason).orElseThrow(() ->
                        new RuleViolation(QueryRule.DEAD_LETTER_NOT_FOUND, name + " has no dead letter of event "
                                + eventId)));
    }

    private void requireKnown(String name) {
        if (catalog.projection(name).isEmpty()) {
            throw new RuleViolation(QueryRule.PROJECTION_NOT_FOUND, "no projection " + name);
        }
    }
}
