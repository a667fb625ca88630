package dev.finflow.ml.forecasting;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** New forecasts as they are stored, for the Server-Sent Events stream. Slow subscribers miss, never block. */
@Component
class ForecastStream {

    private final Sinks.Many<Forecast> sink = Sinks.many().multicast().directBestEffort();

    void publish(Forecast forecast) {
        sink.tryEmitNext(forecast);
    }

    Flux<Forecast> flux() {
        return sink.asFlux();
    }
}
