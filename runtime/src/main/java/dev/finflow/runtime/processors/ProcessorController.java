package dev.finflow.runtime.processors;

import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
 * A service's dead-lettering processors (the command side's processes, the ml projections): each one's position,
 * head, state (LIVE, or DEGRADED while it has dead letters) and whether it is stalled; its letters, a retry of a
 * sequence once the cause is fixed, an eviction (recorded with the caller, the time and the reason). JDBC work, so
 * it runs on the bounded elastic scheduler.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Processors", description = "Administration of the event processors and their dead letters")
class ProcessorController {

    private final DeadLetteringProcessors processors;
    private final ProcessorMonitor monitor;
    private final ProcessorRules rules;

    ProcessorController(DeadLetteringProcessors processors, ProcessorMonitor monitor, ProcessorRules rules) {
        this.processors = processors;
        this.monitor = monitor;
        this.rules = rules;
    }

    @Operation(summary = "List the event processors", description = "Each one's position, the store's head, its "
            + "state (DEGRADED while it has dead letters) and whether it is stalled.")
    @GetMapping
    Mono<List<ProcessorStatus>> processors() {
        return Mono.fromCallable(monitor::observedNow).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "List a processor's dead letters")
    @Raises("processor-not-found")
    @GetMapping("/{name}/dead-letters")
    Mono<List<ProcessorDeadLetters.Letter>> list(@PathVariable String name) {
        return Mono.fromCallable(() -> processors.list(name).orElseThrow(() -> unknown(name)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** 200 when every letter of the sequence applied; 409 naming the cause when one still fails. */
    @Operation(summary = "Retry a sequence of dead letters", description = "Once the cause is fixed: 200 when every "
            + "letter of the sequence applied, 409 dead-letter-still-failing naming the cause when one still fails.")
    @ApiResponse(responseCode = "200", description = "Every letter of the sequence applied")
    @Raises({"invalid-parameter", "processor-not-found", "dead-letter-not-found", "dead-letter-still-failing"})
    @PostMapping("/{name}/dead-letters/retry")
    Mono<ProcessorDeadLetters.Retry> retry(@PathVariable String name, @RequestParam String sequence) {
        requireKnown(name);
        return Mono.fromCallable(() -> processors.retry(name, sequence).orElseThrow(() -> new RuleViolation(
                        rules.deadLetterNotFound(), name + " has no dead letters in sequence " + sequence)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(retry -> {
                    if (retry.failure() != null) {
                        throw new RuleViolation(rules.deadLetterStillFailing(), retry.applied() + " applied, "
                                + retry.remaining() + " left in sequence " + sequence + ": " + retry.failure());
                    }
                    return retry;
                });
    }

    @Operation(summary = "Evict a dead letter", description = "Gives the event up for this processor; recorded with "
            + "the caller, the time and the reason.")
    @ApiResponse(responseCode = "200", description = "Evicted; the letter as it was")
    @Raises({"processor-not-found", "dead-letter-not-found"})
    @PostMapping("/{name}/dead-letters/{eventId}/evict")
    Mono<ProcessorDeadLetters.Letter> evict(@PathVariable String name, @PathVariable String eventId,
                                            @RequestParam(required = false) String reason) {
        requireKnown(name);
        return Caller.current().publishOn(Schedulers.boundedElastic())
                .map(caller -> processors.evict(name, eventId, caller.id(), reason).orElseThrow(() ->
                        new RuleViolation(rules.deadLetterNotFound(), name + " has no dead letter of event "
                                + eventId)));
    }

    private void requireKnown(String name) {
        if (!processors.names().contains(name)) {
            throw unknown(name);
        }
    }

    private RuleViolation unknown(String name) {
        return new RuleViolation(rules.processorNotFound(), "no processor " + name);
    }
}
