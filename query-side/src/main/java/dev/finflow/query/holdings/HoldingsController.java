package dev.finflow.query.holdings;

import dev.finflow.query.access.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Holdings (securities and cash) of an account, now or as of a date, as a stream, and their lineage. */
@RestController
@RequestMapping("/api/v1")
class HoldingsController {

    /**
     * The holdings of an account at the end of {@code asOf} (null: as they stand now), as known at {@code knownAt}
     * (null: everything recorded so far).
     */
    record Holdings(String accountId, LocalDate asOf, Instant knownAt, List<HoldingsQueries.Holding> holdings) {
    }

    record Lineage(String accountId, String asset, LocalDate asOf, Instant knownAt,
                   List<HoldingsQueries.LineageEvent> events) {
    }

    private final HoldingsQueries queries;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    private final Duration streamPoll;

    HoldingsController(HoldingsQueries queries, ReadYourWrites readYourWrites, AccountAccess access,
                       @Value("${finflow.query.stream-poll:200ms}") Duration streamPoll) {
        this.queries = queries;
        this.access = access;
        this.readYourWrites = readYourWrites;
        this.streamPoll = streamPoll;
    }

    @GetMapping("/accounts/{accountId}/holdings")
    Mono<Holdings> holdings(@PathVariable String accountId, @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String knownAt,
                            @RequestParam(required = false) String minPosition) {
        LocalDate date = Params.date(asOf, "asOf");
        Instant known = Params.knownAt(knownAt);
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(HoldingsProjection.NAME, position)
                .then(access.requireAccount(accountId, position))
                .then(queries.requireAccount(accountId))
                .then(queries.holdings(accountId, date, known).collectList())
                .map(list -> new Holdings(accountId, date, known, list));
    }

    /**
     * The current holdings (also on a reconnect, with or without Last-Event-ID), then the holdings again every
     * time one of them changes. A change is seen in the holdings themselves, not in the highest position applied
     * to the account: a split committed after a later trade changes holdings below that position. Access is asked
     * again on every poll: a revoked reader's stream ends.
     */
    @GetMapping(path = "/accounts/{accountId}/holdings/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Holdings>> stream(@PathVariable String accountId,
                                           @RequestParam(required = false) String minPosition) {
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(HoldingsProjection.NAME, position)
                .then(access.requireAccount(accountId, position))
                .then(queries.requireAccount(accountId))
                .thenMany(Flux.interval(Duration.ZERO, streamPoll)
                        .onBackpressureDrop() // a poll still running skips the ticks meanwhile
                        .concatMap(tick -> access.mayRead(accountId))
                        .takeWhile(Boolean::booleanValue)
                        .concatMap(allowed -> queries.holdings(accountId, null, null).collectList())
                        .distinctUntilChanged()
                        .concatMap(list -> queries.lastChange(accountId)
                                .map(changed -> ServerSentEvent.builder(new Holdings(accountId, null, null, list))
                                        .id(Long.toString(changed)).event("holdings").build())));
    }

    @GetMapping("/lineage/holdings/{accountId}/{asset}")
    Mono<Lineage> lineage(@PathVariable String accountId, @PathVariable String asset,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String knownAt,
                          @RequestParam(required = false) String minPosition) {
        LocalDate date = Params.date(asOf, "asOf");
        Instant known = Params.knownAt(knownAt);
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(HoldingsProjection.NAME, position)
                .then(access.requireLineage(accountId, position))
                .then(queries.requireAccount(accountId))
                .then(queries.lineage(accountId, asset, date, known).collectList())
                .map(events -> new Lineage(accountId, asset, date, known, events));
    }
}
