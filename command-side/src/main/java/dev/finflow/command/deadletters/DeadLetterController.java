package dev.finflow.command.deadletters;

import dev.finflow.eventstore.deadletters.DeadLetteringProcessors;
import dev.finflow.eventstore.deadletters.ProcessorDeadLetters;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.security.Caller;
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
 * The command side's processes (transfer process, split distribution) and their dead letters: each processor's state (LIVE, or DEGRADED while it has dead letters),
 * its letters, a retry of a sequence once the cause is fixed, an eviction (recorded with the caller, the time and
 * the reason). JDBC work, so it runs on the bounded elastic scheduler.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
class DeadLetterController {

    record ProcessorStatus(String name, String state, long deadLetters) {
    }

    private final DeadLetteringProcessors processors;

    DeadLetterController(DeadLetteringProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    Mono<List<ProcessorStatus>> processors() {
        return Mono.fromCallable(() -> processors.counts().entrySet().stream()
                        .map(e -> new ProcessorStatus(e.getKey(), e.getValue() > 0 ? "DEGRADED" : "LIVE", e.getValue()))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{name}/dead-letters")
    Mono<List<ProcessorDeadLetters.Letter>> list(@PathVariable String name) {
        return Mono.fromCallable(() -> processors.list(name).orElseThrow(() -> unknown(name)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** 200 when every letter of the sequence applied; 409 naming the cause when one still fails. */
    @PostMapping("/{name}/dead-letters/retry")
    Mono<ProcessorDeadLetters.Retry> retry(@PathVariable String name, @RequestParam String sequence) {
        requireKnown(name);
        return Mono.fromCallable(() -> processors.retry(name, sequence).orElseThrow(() -> new RuleViolation(
                        CommandRule.DEAD_LETTER_NOT_FOUND, name + " has no dead letters in sequence " + sequence)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(retry -> {
                    if (retry.failure() != null) {
                        throw new RuleViolation(CommandRule.DEAD_LETTER_STILL_FAILING, retry.applied() + " applied, "
                                + retry.remaining() + " left in sequence " + sequence + ": " + retry.failure());
                    }
                    return retry;
                });
    }

    @PostMapping("/{name}/dead-letters/{eventId}/evict")
    Mono<ProcessorDeadLetters.Letter> evict(@PathVariable String name, @PathVariable String eventId,
                                            @RequestParam(required = false) String reason) {
        requireKnown(name);
        return Caller.current().publishOn(Schedulers.boundedElastic())
                .map(caller -> processors.evict(name, eventId, caller.id(), reason).orElseThrow(() ->
                        new RuleViolation(CommandRule.DEAD_LETTER_NOT_FOUND, name + " has no dead letter of event "
                                + eventId)));
    }

    private void requireKnown(String name) {
        if (!processors.names().contains(name)) {
            throw unknown(name);
        }
    }

    private static RuleViolation unknown(String name) {
        return new RuleViolation(CommandRule.PROCESSOR_NOT_FOUND, "no processor " + name);
    }
}
