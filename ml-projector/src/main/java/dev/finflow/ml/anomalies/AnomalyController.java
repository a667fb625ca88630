package dev.finflow.ml.anomalies;

import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** {@code GET /api/v1/anomalies?kind&symbol&account&after&limit}: scored anomalies with reasons, keyset-paged. */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

    enum Kind { PRICE_RETURN, TRANSACTION }

    private final AnomalyTable table;

    AnomalyController(AnomalyTable table) {
        this.table = table;
    }

    record Page(List<AnomalyTable.Anomaly> anomalies, Long next) {
    }

    @GetMapping
    Mono<Page> anomalies(@RequestParam(required = false) String kind, @RequestParam(required = false) String symbol,
                         @RequestParam(required = false) String account, @RequestParam(required = false) Long after,
                         @RequestParam(required = false) Integer limit) {
        Kind k = Reads.enumValue(Kind.class, "kind", kind);
        String s = symbol == null ? null : Symbols.parse(symbol);
        int n = Reads.limit(limit);
        return Reads.blocking(() -> {
            List<AnomalyTable.Anomaly> page = table.page(k == null ? null : k.name(), s, account,
                    after == null ? 0 : after, n);
            return new Page(page, page.size() == n ? page.get(n - 1).id() : null);
        });
    }
}
