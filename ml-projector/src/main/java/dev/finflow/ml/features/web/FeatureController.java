package dev.finflow.ml.features.web;

import dev.finflow.ml.features.FeatureCalculator;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.projection.FeatureTable;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.ml.api.MlRule;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/features/{symbol}?from&to&after&limit}: feature rows in date order, keyset-paged by date. */
@RestController
@RequestMapping("/api/v1/features")
@Tag(name = "Features", description = "The feature tables the models are trained on")
class FeatureController {

    private final FeatureTable table;

    FeatureController(FeatureTable table) {
        this.table = table;
    }

    @Schema(name = "FeaturePage")
    record Page(@Schema(example = "ACME") String symbol, int featureVersion, List<FeatureRow> rows,
                @Schema(types = {"string", "null"}) LocalDate next) {
    }

    @Operation(summary = "Features of a symbol", description = "Feature rows (returns, moving averages, MACD, RSI, "
            + "Bollinger bands, volatility) in date order, a page at a time (`after` = the previous page's `next`).")
    @Raises({"invalid-parameter", "unknown-symbol"})
    @GetMapping("/{symbol}")
    Mono<Page> features(@PathVariable String symbol,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate after,
                        @RequestParam(required = false) Integer limit) {
        String s = Symbols.parse(symbol);
        int n = Reads.limit(limit);
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        if (start.isAfter(end)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "from " + start + " is after to " + end, "from");
        }
        return Reads.blocking(() -> {
            if (!table.knows(s)) {
                throw new RuleViolation(MlRule.UNKNOWN_SYMBOL, "no bars of " + s + " have reached the ml-projector");
            }
            List<FeatureRow> rows = table.page(s, start, end, after == null ? LocalDate.of(1, 1, 1) : after, n);
            return new Page(s, FeatureCalculator.VERSION, rows, rows.size() == n ? rows.get(n - 1).date() : null);
        });
    }
}
