package dev.finflow.query.holdings.web;

import dev.finflow.query.holdings.projection.HoldingsProjection;
import dev.finflow.query.holdings.projection.HoldingsQueries;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Holdings", description = "Holdings of an account, their stream and lineage")
class HoldingsController {

    /**
     * The holdings of an account at the end of {@code asOf} (null: as they stand now), as known at {@code knownAt}
     * (null: everything recorded so far).
     */
    @Schema(name = "Holdings")
    record Holdings(@Schema(example = "acc-1") String accountId, @Schema(types = {"string", "null"}) LocalDate asOf,
                    @Schema(types = {"string", "null"}) Instant knownAt,
                    List<HoldingsQueries.Holding> holdings) {
    }

    @Schema(name = "HoldingLineage")
    record Lineage(@Schema(example = "acc-1") String accountId, @Schema(example = "ACME") String asset,
                   @Schema(types = {"string", "null"}) LocalDate asOf,
                   @Schema(types = {"string", "null"}) Instant knownAt, List<HoldingsQueries.LineageEvent> events) {
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

    @Operation(summary = "Holdings of an account", description = "Securities and cash at the end of `asOf` (now when "
            + "left out), as known at `knownAt` (everything recorded when left out).")
    @Raises({"invalid-date", "invalid-instant", "invalid-position", "account-not-found", "projection-behind"})
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
    @Operation(summary = "Stream the holdings of an account", description = "Server-Sent Events: the current "
            + "holdings, then the holdings again every time one of them changes (event `holdings`, id the position).")
    @Raises({"invalid-position", "account-not-found", "projection-behind"})
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

    @Operation(summary = "Lineage of a holding", description = "The events that produced the holding of `asset`.")
    @Raises({"invalid-date", "invalid-instant", "invalid-position", "account-not-found", "projection-behind"})
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
