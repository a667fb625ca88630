package dev.finflow.query.transactions.web;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.transactions.projection.TransactionsProjection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import dev.finflow.runtime.keys.PersonalData;
import dev.finflow.query.privacy.Unsealing;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transactions of an account in the order they were recorded (or newest first), a page at a time (keyset on
 * position).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Transactions", description = "The transactions of an account")
class TransactionsController {

    @Schema(name = "Transaction")
    record Transaction(long position, @Schema(example = "tx-1") String transactionId,
                       @Schema(example = "CashDepositedEvent") String type, LocalDate effectiveDate,
                       OffsetDateTime recordedAt, @Schema(types = {"string", "null"}) String symbol,
                       @Schema(types = {"number", "null"}) BigDecimal quantity,
                       @Schema(types = {"number", "null"}) BigDecimal cashAmount,
                       @Schema(types = {"string", "null"}) String currency,
                       @Schema(types = {"string", "null"}) String counterparty,
                       @Schema(types = {"string", "null"}) String memo,
                       @Schema(types = {"string", "null"}) String reverses,
                       @Schema(types = {"string", "null"}) String reversedBy,
                       @Schema(types = {"string", "null"}) String principal,
                       @Schema(types = {"string", "null"}) String correlationId) {
    }

    @Schema(name = "TransactionsPage")
    record Page(@Schema(example = "acc-1") String accountId, List<Transaction> items,
                @Schema(types = {"string", "null"}) String nextCursor) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    private final Unsealing unsealing;

    TransactionsController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites,
                           AccountAccess access, Unsealing unsealing) {
        this.access = access;
        this.unsealing = unsealing;
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Transactions of an account", description = "In the order they were recorded, effective "
            + "from `from` to `to`, a page at a time (`limit`, `cursor` = the previous page's `nextCursor`); "
            + "`newestFirst=true` pages from the newest.")
    @Raises({"invalid-date", "invalid-instant", "invalid-limit", "invalid-cursor", "invalid-position", "invalid-parameter",
            "account-not-found", "projection-behind"})
    @GetMapping("/accounts/{accountId}/transactions")
    Mono<Page> transactions(@PathVariable String accountId, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String limit,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) String knownAt,
                            @RequestParam(required = false) String newestFirst,
                            @RequestParam(required = false) String minPosition) {
        Instant known = Params.knownAt(knownAt);
        LocalDate first = Params.date(from, "from");
        LocalDate last = Params.date(to, "to");
        int size = Params.limit(limit);
        boolean newest = Params.flag(newestFirst, "newestFirst");
        long cursorPosition = Params.cursor(cursor);
        long after = newest && cursorPosition < 0 ? Long.MAX_VALUE : cursorPosition;
        TableSet tables = catalog.tables(TransactionsProjection.NAME);
        // As known at an instant: the transactions recorded by then, a reversal named only once recorded by then.
        String sql = "select *" + (known == null ? "" : ", case when reversed_at <= :knownAt then reversed_by end "
                + "as known_reversed_by") + " from " + tables.name(TransactionsProjection.TRANSACTIONS)
                + " where account_id = :account and position " + (newest ? "<" : ">") + " :after"
                + (known == null ? "" : " and recorded_at <= :knownAt")
                + (first == null ? "" : " and effective_date >= :from")
                + (last == null ? "" : " and effective_date <= :to") + " order by position" + (newest ? " desc" : "")
                + " limit :limit";
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(TransactionsProjection.NAME, position)
                .then(access.requireAccount(accountId, position))
                .then(requireAccount(tables, accountId))
                .then(Mono.defer(() -> {
                    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("account", accountId)
                            .bind("after", after).bind("limit", size + 1);
                    spec = first == null ? spec : spec.bind("from", first);
                    spec = last == null ? spec : spec.bind("to", last);
                    spec = known == null ? spec : spec.bind("knownAt", known);
                    return spec.map(row -> transaction(row, known == null ? "reversed_by" : "known_reversed_by"))
                            .all().collectList();
                }))
                .flatMap(rows -> unsealing.open(rows.stream().limit(size).toList(), TransactionsController::opened)
                        .map(page -> new Page(accountId, page,
                                rows.size() > size ? Long.toString(page.get(size - 1).position()) : null)));
    }

    private Mono<Void> requireAccount(TableSet tables, String accountId) {
        return db.sql("select 1 from " + tables.name(TransactionsProjection.ACCOUNTS) + " where account_id = :account")
                .bind("account", accountId).map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND,
                        "no account " + accountId)))
                .then();
    }

    /** The memo (or reversal reason) as its writer wrote it, or [erased]. */
    private static Transaction opened(PersonalData.Reader reader, Transaction t) {
        return new Transaction(t.position(), t.transactionId(), t.type(), t.effectiveDate(), t.recordedAt(),
                t.symbol(), t.quantity(), t.cashAmount(), t.currency(), t.counterparty(), reader.open(t.memo()),
                t.reverses(), t.reversedBy(), t.principal(), t.correlationId());
    }

    private static Transaction transaction(Readable row, String reversedBy) {
        return new Transaction(row.get("position", Long.class), row.get("transaction_id", String.class),
                row.get("event_type", String.class), row.get("effective_date", LocalDate.class),
                row.get("recorded_at", OffsetDateTime.class), row.get("symbol", String.class),
                row.get("quantity", BigDecimal.class), row.get("amount", BigDecimal.class),
                row.get("currency", String.class), row.get("counterparty", String.class),
                row.get("memo", String.class), row.get("reverses", String.class),
                row.get(reversedBy, String.class), row.get("principal", String.class),
                row.get("correlation_id", String.class));
    }
}
