package dev.finflow.query.bars.web;

import dev.finflow.query.bars.domain.BarView;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.QueryRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-Sent Events of the bars of one symbol as the projection applies them (new bars and corrections), raw.
 * Each event's id is {@code <position>/<date>}: a client that reconnects with it as {@code Last-Event-ID} gets
 * exactly what it missed; a new subscription starts after the bars already applied. The stream polls the read
 * table (one indexed query per interval and subscriber) rather than holding a notification channel open.
 */
@RestController
@Tag(name = "Market data")
class BarStream {

    private final BarsReader reader;
    private final Duration pollEvery;

    BarStream(BarsReader reader, @Value("${finflow.query.market.stream-poll:250ms}") Duration pollEvery) {
        this.reader = reader;
        this.pollEvery = pollEvery;
    }

    private record Mark(long position, LocalDate date) {
    }

    @Operation(summary = "Stream the bars of an instrument", description = "Server-Sent Events: every kept bar as it "
            + "is recorded (event id its position); `Last-Event-ID` resumes after a reconnect.")
    @Raises({"invalid-cursor", "instrument-not-found"})
    @GetMapping(path = "/api/v1/instruments/{symbol}/bars/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<BarView>> stream(@PathVariable String symbol,
                                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return reader.instrument(symbol)
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.INSTRUMENT_NOT_FOUND,
                        "no instrument is registered under the symbol '" + symbol + "'")))
                .flatMap(instrument -> start(symbol, lastEventId))
                .flatMapMany(start -> {
                    AtomicReference<Mark> mark = new AtomicReference<>(start);
                    Flux<ServerSentEvent<BarView>> bars = Flux.interval(Duration.ZERO, pollEvery)
                            .onBackpressureDrop()
                            .concatMap(tick -> reader.appliedAfter(symbol, mark.get().position(), mark.get().date(),
                                    500).doOnNext(bar -> mark.set(new Mark(bar.position(), bar.date()))))
                            .map(bar -> ServerSentEvent.builder(BarsController.view(bar, null))
                                    .id(bar.position() + "/" + bar.date()).event("bar").build());
                    // A comment first: the response (and its headers) starts at once, once the start is fixed.
                    return Flux.concat(Mono.just(ServerSentEvent.<BarView>builder()
                            .comment("bars of " + symbol + " after " + start.position()).build()), bars);
                });
    }

    private Mono<Mark> start(String symbol, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                String[] parts = lastEventId.split("/", 2);
                return Mono.just(new Mark(Long.parseLong(parts[0]), LocalDate.parse(parts[1])));
            } catch (RuntimeException e) {
                return Mono.error(new RuleViolation(QueryRule.INVALID_CURSOR,
                        "Last-Event-ID must be an id this stream sent (<position>/<date>), was '" + lastEventId + "'",
                        "Last-Event-ID"));
            }
        }
        return reader.lastPosition(symbol).map(position -> new Mark(position, LocalDate.of(9999, 12, 31)));
    }
}
