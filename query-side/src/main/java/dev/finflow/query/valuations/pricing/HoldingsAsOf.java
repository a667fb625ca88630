package dev.finflow.query.valuations.pricing;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.query.holdings.projection.HoldingsKnownAt;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the holdings projection's tables (by their names, through the catalog, so a rebuilt version is picked up)
 * for valuation: the account's currency and its non-zero holdings at the end of a day.
 */
@Component
public class HoldingsAsOf {

    public static final String HOLDINGS = "holdings";

    public record Held(String asset, String kind, BigDecimal quantity, BigDecimal costBasis) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final HoldingsKnownAt knownAt;

    HoldingsAsOf(DatabaseClient db, ProjectionCatalog catalog, HoldingsKnownAt knownAt) {
        this.db = db;
        this.catalog = catalog;
        this.knownAt = knownAt;
    }

    public Mono<String> accountCurrency(String accountId) {
        return knownAt.accountCurrency(accountId);
    }

    /** The non-zero holdings at the end of {@code asOf}, as known at {@code known} (null: all recorded). */
    public Flux<Held> holdings(String accountId, LocalDate asOf, Instant known) {
        if (known != null) {
            return knownAt.timelines(accountId, null, known, asOf, asOf).mapNotNull(timeline -> {
                var figures = timeline.history().floorEntry(asOf);
                return figures == null || figures.getValue().quantity().signum() == 0 ? null : new Held(
                        timeline.asset(), timeline.kind(), figures.getValue().quantity(),
                        figures.getValue().costBasis());
            });
        }
        return stored(accountId, asOf);
    }

    private Flux<Held> stored(String accountId, LocalDate asOf) {
        TableSet tables = catalog.tables(HOLDINGS);
        return db.sql("select k.asset, k.kind, h.quantity, h.cost_basis from " + tables.name("holding_key") + " k"
                        + " cross join lateral (select * from " + tables.name("holding_history") + " x where"
                        + " x.account_id = k.account_id and x.asset = k.asset and x.effective_date <= :asOf"
                        + " order by x.effective_date desc limit 1) h where k.account_id = :account and h.quantity <> 0"
                        + " order by k.kind, k.asset")
                .bind("account", accountId).bind("asOf", asOf)
                .map((Readable row) -> new Held(row.get("asset", String.class), row.get("kind", String.class),
                        row.get("quantity", BigDecimal.class), row.get("cost_basis", BigDecimal.class)))
                .all();
    }
}
