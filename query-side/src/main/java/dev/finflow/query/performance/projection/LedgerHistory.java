package dev.finflow.query.performance.projection;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
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
import java.util.List;

/**
 * Reads what an account's performance needs from the holdings projection (by table name through the catalog, so a
 * rebuilt version is picked up): its currency, every holding's history and its external flows, all as known at an
 * instant.
 * <p>
 * An external flow is value crossing the account's boundary: the cash legs of a deposit
 * ({@code CashDepositedEvent}), a withdrawal ({@code CashWithdrawnEvent}), a transfer sent, received or refunded
 * ({@code TransferSentEvent}, {@code TransferReceivedEvent}, {@code TransferRefundedEvent}), and of the reversal of
 * any of these (its legs are the original's negated, on the original's date, so a reversed deposit nets to no flow).
 * Trades, dividends, fees, cash in lieu and splits are not flows: they are what a return is made of.
 */
@Component
public class LedgerHistory {

    private static final String HOLDINGS = "holdings";
    private static final Instant ALWAYS = Instant.parse("9999-12-31T00:00:00Z");
    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final String[] FLOW_EVENTS = {"CashDepositedEvent", "CashWithdrawnEvent", "TransferSentEvent",
            "TransferReceivedEvent", "TransferRefundedEvent"};

    /** A cash leg of an external flow: {@code amount} of {@code currency} into the account (negative: out). */
    public record Flow(LocalDate date, String currency, BigDecimal amount) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final HoldingsKnownAt knownAt;

    LedgerHistory(DatabaseClient db, ProjectionCatalog catalog, HoldingsKnownAt knownAt) {
        this.db = db;
        this.catalog = catalog;
        this.knownAt = knownAt;
    }

    public Mono<String> currency(String accountId) {
        return knownAt.accountCurrency(accountId);
    }

    /** Every holding's whole history up to {@code until}, as known at {@code known} (null: all recorded). */
    public Mono<List<HoldingsKnownAt.Timeline>> holdings(String accountId, LocalDate until, Instant known) {
        return knownAt.timelines(accountId, null, known == null ? ALWAYS : known, EARLIEST, until).collectList();
    }

    /** The external flows dated up to {@code until}, recorded up to {@code known} (null: all). */
    public Flux<Flow> flows(String accountId, LocalDate until, Instant known) {
        String movements = catalog.tables(HOLDINGS).name("holding_movement");
        return db.sql("select m.asset, m.effective_date, m.quantity from " + movements + " m left join lateral "
                        + "(select o.event_type from " + movements + " o where m.reverses is not null and o.account_id = "
                        + "m.account_id and "
                        + "o.transaction_id = m.reverses limit 1) o on true where m.account_id = :account and "
                        + "m.kind = 'CASH' and m.effective_date <= :until and m.recorded_at <= :known and "
                        + "coalesce(o.event_type, m.event_type) = any(cast(:types as text[])) order by "
                        + "m.effective_date, m.position, m.leg")
                .bind("account", accountId).bind("until", until).bind("known", known == null ? ALWAYS : known)
                .bind("types", FLOW_EVENTS)
                .map((Readable row) -> new Flow(row.get("effective_date", LocalDate.class),
                        row.get("asset", String.class), row.get("quantity", BigDecimal.class)))
                .all();
    }
}
