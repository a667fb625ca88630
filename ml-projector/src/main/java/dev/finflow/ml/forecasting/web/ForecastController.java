package dev.finflow.ml.forecasting.web;

import dev.finflow.ml.forecasting.config.ForecastingProperties;
import dev.finflow.ml.forecasting.domain.Skill;
import dev.finflow.ml.forecasting.store.ForecastTable;
import dev.finflow.ml.forecasting.store.ForecastStream;
import dev.finflow.ml.forecasting.domain.Forecast;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.ml.api.MlRule;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import dev.finflow.ml.features.projection.FeatureTable;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.store.ModelRegistry;
import dev.finflow.ml.registry.domain.ModelVersion;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forecasts newest first, each with its lineage (the model version that made it and that model's training window)
 * and its model's held-out skill: MAE ratio and one-sided Diebold-Mariano p against the baseline, coverage of the
 * calibrated interval at its horizon. Forecasts of models that do not beat their baseline are left out unless
 * {@code show=all}. {@code GET /api/v1/forecasts/stream} sends them as Server-Sent Events.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
@Tag(name = "Forecasts", description = "Forecasts with their calibrated intervals, skill and lineage")
class ForecastController {

    /** How long a client waits before reconnecting to a stream that ended. */
    private static final Duration RECONNECT = Duration.ofSeconds(3);

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

    @Schema(name = "TrainingWindow")
    record TrainingWindow(long firstPosition, long lastPosition, LocalDate firstDate, LocalDate lastDate) {
    }

    @Schema(name = "ForecastModel")
    record Lineage(String id, @Schema(example = "ARIMA") String kind, int featureVersion,
                   TrainingWindow trainingWindow) {
    }

    /** Which forecasts a page shows: by default none of models that do not beat their baseline. */
    enum Show { SKILLED, ALL }

    @Schema(name = "ForecastInterval")
    record Interval(@Schema(types = {"number", "null"}) Double lower,
                    @Schema(types = {"number", "null"}) Double upper) {
    }

    @Schema(name = "ForecastSkill")
    record SkillView(String label, String baseline, @Schema(types = {"number", "null"}) Double maeRatio,
                     @Schema(types = {"number", "null"}) Double dmPValue,
                     @Schema(types = {"number", "null"}) Double coverage,
                     @Schema(types = {"integer", "null"}) Integer coverageN,
                     @Schema(types = {"number", "null"}) Double coverageLow,
                     @Schema(types = {"number", "null"}) Double coverageHigh,
                     boolean coverageMissesBand) {
    }

    /** {@code lower}/{@code upper}: the calibrated interval; {@code modelInterval}: the model's own, if any. */
    @Schema(name = "Forecast")
    record View(long id, @Schema(example = "ACME") String symbol, String target, LocalDate originDate, int horizon,
                double point, @Schema(types = {"number", "null"}) Double lower,
                @Schema(types = {"number", "null"}) Double upper, double intervalLevel,
                String intervalMethod, @Schema(types = {"object", "null"}) Interval modelInterval,
                @Schema(types = {"number", "null"}) Double actual,
                @Schema(types = {"number", "null"}) Double absError,
                @Schema(types = {"object", "null"}) SkillView skill, Lineage model) {
    }

    private record Model(Lineage lineage, Skill skill) {
    }

    @Schema(name = "ForecastPage")
    record Page(@Schema(example = "ACME") String symbol, List<View> forecasts,
                @Schema(types = {"integer", "null"}) Long next) {
    }

    @Operation(summary = "Forecasts of a symbol", description = "Newest first, a page at a time (`before` = the "
            + "previous page's `next`); by default only forecasts of models that beat their baseline (`show=ALL` for "
            + "all).")
    @Raises({"invalid-parameter", "unknown-symbol"})
    @GetMapping("/{symbol}")
    Mono<Page> forecasts(@PathVariable String symbol, @RequestParam(required = false) String target,
                         @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) String show) {
        String s = Symbols.parse(symbol);
        Target t = Reads.enumValue(Target.class, "target", target);
        boolean all = Reads.enumValue(Show.class, "show", show) == Show.ALL;
        int n = Reads.limit(limit);
        return Reads.blocking(() -> {
            if (!features.knows(s)) {
                throw new RuleViolation(MlRule.UNKNOWN_SYMBOL, "no bars of " + s + " have reached the ml-projector");
            }
            List<Forecast> page = forecasts.page(s, t == null ? null : t.name(), before == null ? Long.MAX_VALUE
                    : before, n, all);
            Map<String, Model> models = new HashMap<>();
            List<View> views = page.stream().map(f -> view(f, models.computeIfAbsent(f.modelId(), this::model)))
                    .toList();
            return new Page(s, views, page.size() == n ? page.get(n - 1).id() : null);
        });
    }

    /**
     * Forecasts as Server-Sent Events, each with its id. A client that reconnects with {@code Last-Event-ID} gets
     * the forecasts stored after it, without it the current state (each symbol's newest forecasts); then the new
     * ones. Opens with a comment and the reconnection delay so that the response headers go out at once: a client
     * (or proxy) would otherwise see nothing, not even a 200, until the next forecast cycle.
     */
    @Operation(summary = "Stream forecasts", description = "Server-Sent Events: each symbol's newest forecasts (or, "
            + "with `Last-Event-ID`, those stored after it), then the new ones.")
    @Raises("invalid-parameter")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<View>> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long after = lastEventId(lastEventId);
        Map<String, Model> models = new ConcurrentHashMap<>();
        return Flux.concat(Flux.just(ServerSentEvent.<View>builder().comment("forecasts").retry(RECONNECT).build()),
                stream.flux(after).publishOn(Schedulers.boundedElastic())
                        .map(f -> ServerSentEvent.builder(view(f, models.computeIfAbsent(f.modelId(), this::model)))
                                .id(String.valueOf(f.id())).event("forecast").build()));
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RuleViolation(RequestRule.INVALID_PARAMETER, "Last-Event-ID must be the id of a forecast event "
                + "(a whole number, 0 or more), was '" + header + "'", "Last-Event-ID");
    }

    private Model model(String modelId) {
        ModelVersion v = registry.find(modelId).orElseThrow();
        return new Model(new Lineage(v.id(), v.kind().name(), v.featureVersion(), new TrainingWindow(v.firstPosition(),
                v.lastPosition(), v.firstDate(), v.lastDate())), Skill.parse(v.metrics()));
    }

    private View view(Forecast f, Model model) {
        Interval own = f.modelLower() == null ? null : new Interval(f.modelLower(), f.modelUpper());
        return new View(f.id(), f.symbol(), f.target(), f.originDate(), f.horizon(), f.point(), f.lower(), f.upper(),
                properties.intervalLevel(), f.lower() == null ? "NONE" : "CALIBRATED", own, f.actual(), f.absError(),
                skill(model.skill(), f.horizon()), model.lineage());
    }

    private static SkillView skill(Skill s, int horizon) {
        if (s == null) {
            return null;
        }
        var c = horizon <= s.coverage().size() ? s.coverage().get(horizon - 1) : null;
        return new SkillView(s.label().name(), s.baseline().name(), s.maeRatio(), s.dmPValue(),
                c == null ? null : finite(c.rate()), c == null ? null : c.n(), c == null ? null : finite(c.low()),
                c == null ? null : finite(c.high()), s.coverageMissesBand());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
