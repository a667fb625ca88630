package dev.finflow.ml.features;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.ml.api.MlRule;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
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
class FeatureController {

    private final FeatureTable table;

    FeatureController(FeatureTable table) {
        this.table = table;
    }

    record Page(String symbol, int featureVersion, List<FeatureRow> rows, LocalDate next) {
    }

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
