package dev.finflow.ml.anomalies.web;

import dev.finflow.ml.anomalies.projection.AnomalyTable;
import dev.finflow.ml.anomalies.projection.AccountGrants;
import dev.finflow.events.identity.Role;
import dev.finflow.ml.api.Reads;
import dev.finflow.ml.api.Symbols;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code GET /api/v1/anomalies?kind&symbol&account&after&limit}: scored anomalies with reasons, keyset-paged.
 * Price anomalies are for everyone; a ledger anomaly only for readers of its account (its owners and viewers, and
 * admins), and naming an account the caller may not read answers as for one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/anomalies")
@Tag(name = "Anomalies", description = "Unusual price returns and transactions")
class AnomalyController {

    enum Kind { PRICE_RETURN, TRANSACTION }

    private final AnomalyTable table;
    private final AccountGrants grants;

    AnomalyController(AnomalyTable table, AccountGrants grants) {
        this.table = table;
        this.grants = grants;
    }

    @Schema(name = "AnomalyPage")
    record Page(List<AnomalyTable.Anomaly> anomalies, @Schema(types = {"integer", "null"}) Long next) {
    }

    @Operation(summary = "List anomalies", description = "By `kind` (PRICE_RETURN, TRANSACTION), symbol or account, "
            + "a page at a time (`after` = the previous page's `next`); transactions of granted accounts only.")
    @Raises({"invalid-parameter", "account-not-found"})
    @GetMapping
    Mono<Page> anomalies(@RequestParam(required = false) String kind, @RequestParam(required = false) String symbol,
                         @RequestParam(required = false) String account, @RequestParam(required = false) Long after,
                         @RequestParam(required = false) Integer limit) {
        Kind k = Reads.enumValue(Kind.class, "kind", kind);
        String s = symbol == null ? null : Symbols.parse(symbol);
        int n = Reads.limit(limit);
        return Caller.current().flatMap(caller -> Reads.blocking(() -> {
            String reader = caller.hasRole(Role.ADMIN) ? null : caller.id();
            if (account != null && reader != null && !grants.mayRead(account, reader)) {
                throw new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND, "no account " + account, "account");
            }
            List<AnomalyTable.Anomaly> page = table.page(k == null ? null : k.name(), s, account, reader,
                    after == null ? 0 : after, n);
            return new Page(page, page.size() == n ? page.get(n - 1).id() : null);
        }));
    }
}
