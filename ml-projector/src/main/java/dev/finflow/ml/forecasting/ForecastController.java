package dev.finflow.ml.forecasting;

import dev.finflow.problems.RuleViolation;
import dev.finflow.ml.api.MlRule;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import dev.finflow.ml.features.FeatureTable;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.ModelRegistry;
import dev.finflow.ml.registry.ModelVersion;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecasts newest first, each with its lineage: the model version that made it and that model's training window
 * (event positions and dates). {@code GET /api/v1/forecasts/stream} sends new forecasts as Server-Sent Events.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
class ForecastController {

    private final ForecastTable forecasts;
    private final ModelRegistry registry;
    private final FeatureTable features;
    private final ForecastStream stream;
    private final ForecastingProperties properties;

    ForecastController(ForecastTable forecasts, ModelRegistry registry, FeatureTable features, ForecastStream stream,
                       ForecastingProperties properties) {
        this.forecasts = forecasts;
        this.registry = registry;
        this.features = features;
        this.stream = stream;
        this.properties = properties;
    }

    record TrainingWindow(long firstPosition, long lastPosition, LocalDate firstDate, LocalDate lastDate) {
    }

    record Lineage(String id, String kind, int featureVersion, TrainingWindow trainingWindow) {
    }

    record View(long id, String symbol, String target, LocalDate originDate, int horizon, double point, Double lower,
                Double upper, double intervalLevel, Double actual, Double absError, Lineage model) {
    }

    record Page(String symbol, List<View> forecasts, Long next) {
    }

    @GetMapping("/{symbol}")
    Mono<Page> forecasts(@PathVariable String symbol, @RequestParam(required = false) String target,
                         @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        String s = Symbols.parse(symbol);
        Target t = Reads.enumValue(Target.class, "target", target);
        int n = Reads.limit(limit);
        return Reads.blocking(() -> {
            if (!features.knows(s)) {
                throw new RuleViolation(MlRule.UNKNOWN_SYMBOL, "no bars of " + s + " have reached the ml-projector");
            }
            List<Forecast> page = forecasts.page(s, t == null ? null : t.name(), before == null ? Long.MAX_VALUE
                    : before, n);
            Map<String, Lineage> models = new HashMap<>();
            List<View> views = page.stream().map(f -> view(f, models.computeIfAbsent(f.modelId(), this::lineage)))
                    .toList();
            return new Page(s, views, page.size() == n ? page.get(n - 1).id() : null);
        });
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<View>> stream() {
        return stream.flux().publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(f -> ServerSentEvent.builder(view(f, lineage(f.modelId()))).id(String.valueOf(f.id()))
                        .event("forecast").build());
    }

    private Lineage lineage(String modelId) {
        ModelVersion v = registry.find(modelId).orElseThrow();
        return new Lineage(v.id(), v.kind().name(), v.featureVersion(), new TrainingWindow(v.firstPosition(),
                v.lastPosition(), v.firstDate(), v.lastDate()));
    }

    private View view(Forecast f, Lineage model) {
        return new View(f.id(), f.symbol(), f.target(), f.originDate(), f.horizon(), f.point(), f.lower(), f.upper(),
                properties.intervalLevel(), f.actual(), f.absError(), model);
    }
}
