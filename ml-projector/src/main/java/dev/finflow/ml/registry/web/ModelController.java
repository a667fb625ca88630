package dev.finflow.ml.registry.web;

import dev.finflow.ml.registry.domain.PromotionRecord;
import dev.finflow.ml.registry.store.ModelRegistry;
import dev.finflow.ml.registry.domain.ModelVersion;
import dev.finflow.problems.RuleViolation;
import dev.finflow.ml.api.MlRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import dev.finflow.ml.models.Target;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/** The model registry: versions (keyset-paged), and one version with its metrics and promotion history. */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "The model registry: versions, their training windows and promotions")
class ModelController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;

    ModelController(ModelRegistry registry) {
        this.registry = registry;
    }

    @Schema(name = "ModelVersion")
    record View(String id, @Schema(example = "ARIMA") String kind, String target,
                @Schema(example = "ACME") String symbol,
                String status, int featureVersion, long firstPosition, long lastPosition, LocalDate firstDate,
                LocalDate lastDate, @Schema(types = {"object", "null"}) Object params,
                @Schema(types = {"object", "null"}) Object metrics) {
    }

    @Schema(name = "ModelPage")
    record Page(List<View> models, @Schema(types = {"integer", "null"}) Long next) {
    }

    @Schema(name = "ModelDetail")
    record Detail(View model, List<PromotionRecord> promotions) {
    }

    @Operation(summary = "List model versions", description = "By symbol and target, a page at a time (`after` = "
            + "the previous page's `next`).")
    @Raises("invalid-parameter")
    @GetMapping
    Mono<Page> models(@RequestParam(required = false) String symbol, @RequestParam(required = false) String target,
                      @RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit) {
        String s = symbol == null ? null : Symbols.parse(symbol);
        Target t = Reads.enumValue(Target.class, "target", target);
        int n = Reads.limit(limit);
        return Reads.blocking(() -> {
            List<ModelRegistry.Paged> page = registry.page(s, t == null ? null : t.name(), after == null ? 0 : after,
                    n);
            return new Page(page.stream().map(p -> view(p.version())).toList(),
                    page.size() == n ? page.get(n - 1).cursor() : null);
        });
    }

    @Operation(summary = "A model version", description = "With its promotion decisions and their evidence.")
    @Raises("unknown-model")
    @GetMapping("/{id}")
    Mono<Detail> model(@PathVariable String id) {
        return Reads.blocking(() -> registry.find(id)
                .map(v -> new Detail(view(v), registry.promotions(id)))
                .orElseThrow(() -> new RuleViolation(MlRule.UNKNOWN_MODEL, "no model version " + id)));
    }

    private static View view(ModelVersion v) {
        return new View(v.id(), v.kind().name(), v.target().name(), v.symbol(), v.status(), v.featureVersion(),
                v.firstPosition(), v.lastPosition(), v.firstDate(), v.lastDate(), tree(v.params()), tree(v.metrics()));
    }

    private static Object tree(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
