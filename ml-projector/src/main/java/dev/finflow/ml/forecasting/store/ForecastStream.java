package dev.finflow.ml.forecasting.store;

import dev.finflow.ml.forecasting.domain.Forecast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Forecasts for the Server-Sent Events stream: what a client missed (or the current state), read from
 * {@code ml.forecast} page by page, then the new ones as they are stored, each once. Slow subscribers never block
 * the forecaster: each has a bounded buffer, and the stream of one that lets it fill ends (the client reconnects
 * with {@code Last-Event-ID} and misses nothing).
 */
@Component
public class ForecastStream {

    private static final Logger log = LoggerFactory.getLogger(ForecastStream.class);

    /** Forecasts read from the table per query. */
    static final int PAGE = 500;
    /** New forecasts a subscriber may have pending; one more ends its stream. */
    static final int BUFFER = 1024;

    private final Sinks.Many<Forecast> sink = Sinks.many().multicast().directBestEffort();
    private final ForecastTable table;

    ForecastStream(ForecastTable table) {
        this.table = table;
    }

    public void publish(Forecast forecast) {
        sink.tryEmitNext(forecast);
    }

    /**
     * The forecasts stored after {@code lastEventId}, or with none the current state (every forecast of each
     * symbol's and target's newest origin day), then the new ones. The live feed is joined before the table is
     * read, so nothing stored in between is lost; a forecast is sent once, in id order.
     */
    public Flux<Forecast> flux(Long lastEventId) {
        return Flux.defer(() -> {
            Sinks.Many<Forecast> pending = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<Forecast>get(BUFFER).get());
            Sinks.One<Boolean> cutOff = Sinks.one();
            Disposable live = sink.asFlux().subscribe(forecast -> {
                if (pending.tryEmitNext(forecast).isFailure() && cutOff.tryEmitValue(true).isSuccess()) {
                    log.info("a forecast stream subscriber fell {} forecasts behind; its stream ends", BUFFER);
                }
            });
            AtomicLong sent = new AtomicLong(lastEventId == null ? -1 : lastEventId);
            Flux<Forecast> missed = lastEventId == null ? pages(afterId -> table.currentAfter(afterId, PAGE), -1)
                    : pages(afterId -> table.after(afterId, PAGE), lastEventId);
            return Flux.concat(missed, pending.asFlux())
                    .takeUntilOther(cutOff.asMono())
                    .filter(forecast -> forecast.id() > sent.get())
                    .doOnNext(forecast -> sent.set(forecast.id()))
                    .doFinally(signal -> live.dispose());
        });
    }

    private static Flux<Forecast> pages(LongFunction<List<Forecast>> page, long afterId) {
        return Flux.defer(() -> {
            List<Forecast> forecasts = page.apply(afterId);
            Flux<Forecast> rest = forecasts.size() < PAGE ? Flux.empty()
                    : pages(page, forecasts.get(forecasts.size() - 1).id());
            return Flux.fromIterable(forecasts).concatWith(rest);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
