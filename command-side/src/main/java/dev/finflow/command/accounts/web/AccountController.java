package dev.finflow.command.accounts.web;

import dev.finflow.command.accounts.config.AccountProperties;
import dev.finflow.command.accounts.config.AccountProperties;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.CommandAccepted;
import dev.finflow.command.api.Bounds;
import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.runtime.dispatch.BatchItemFailed;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.runtime.dispatch.Recorded;
import dev.finflow.events.ledger.CloseAccountCommand;
import dev.finflow.events.ledger.OpenAccountCommand;
import dev.finflow.events.ledger.ReverseTransactionCommand;
import dev.finflow.events.ledger.TransactionCommand;
import dev.finflow.events.values.AccountId;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.finflow.runtime.keys.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.finflow.command.api.Fields.required;

/**
 * Opens, books into, reverses in and closes accounts. Every write answers with its event-store position. Names,
 * memos and reasons are sealed with the caller's key here, before any command carries them (a key look-up in
 * PostgreSQL, so those requests run on the sealing scheduler).
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Open, book into, reverse in and close accounts")
class AccountController {

    static final int MAX_BATCH = 1000;

    static final int MAX_NAME = 200;

    private final CommandDispatcher dispatcher;
    private final AccountProperties properties;
    private final PersonalData personalData;

    AccountController(CommandDispatcher dispatcher, AccountProperties properties, PersonalData personalData) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.personalData = personalData;
    }

    @Operation(summary = "Open an account", description = "The caller becomes its owner. `accountId` is generated "
            + "when left out; the same id with the same details again answers 200 ALREADY_OPEN.")
    @ApiResponse(responseCode = "201", description = "Opened (status OPENED)")
    @ApiResponse(responseCode = "200", description = "Opened before with the same details (status ALREADY_OPEN)")
    @Raises({"missing-field", "invalid-field", "unknown-currency", "amount-out-of-bounds", "date-out-of-bounds",
            "control-character", "account-exists"})
    @PostMapping
    Mono<ResponseEntity<AccountRequests.AccountChanged>> open(@RequestBody AccountRequests.Open request,
                                                      RequestMetadata metadata) {
        return Mono.defer(() -> {
            AccountId id = request.accountId() == null ? new AccountId(UUID.randomUUID().toString())
                    : Fields.accountId(request.accountId(), "accountId");
            OpenAccountCommand command = new OpenAccountCommand(id,
                    personalData.sealer(metadata.principal()).seal(name(request.name())),
                    Fields.currency(request.currency(), "currency"), Bounds.amount(request.overdraftLimit() != null
                    ? request.overdraftLimit() : properties.defaultOverdraftLimit(), "overdraftLimit"),
                    request.openedOn() != null ? Bounds.date(request.openedOn(), "openedOn", today()) : today());
            return dispatcher.send(command, metadata.toMetaData());
        }).subscribeOn(personalData.scheduler()).map(recorded -> status(recorded).body(
                new AccountRequests.AccountChanged(recorded.aggregateId(), recorded.position(),
                        recorded.alreadyDone() ? "ALREADY_OPEN" : "OPENED")));
    }

    @Operation(summary = "Record a transaction", description = "A deposit, withdrawal, buy, sell, dividend or fee; "
            + "which fields it needs depends on `type`. The same `transactionId` with the same content again "
            + "answers 200 ALREADY_RECORDED; with other content 409 transaction-conflict.")
    @ApiResponse(responseCode = "201", description = "Recorded (status RECORDED)")
    @ApiResponse(responseCode = "200", description = "Recorded before with the same content (ALREADY_RECORDED)")
    @Raises({"missing-field", "invalid-field", "unknown-transaction-type", "field-not-allowed", "unknown-currency",
            "non-positive-amount", "non-positive-quantity", "too-many-decimals", "amount-out-of-bounds",
            "date-out-of-bounds", "control-character", "fx-rate-out-of-bounds", "account-not-found",
            "read-only-access", "transaction-conflict", "concurrent-modification", "account-closed",
            "insufficient-cash", "insufficient-units", "currency-mismatch", "fx-rate-unexpected",
            "date-before-opening", "breaks-later-balance", "dividend-without-holding"})
    @PostMapping("/{accountId}/transactions")
    Mono<ResponseEntity<CommandAccepted>> record(@PathVariable String accountId,
                                                 @RequestBody TransactionRequest request,
                                                 RequestMetadata metadata) {
        return Mono.defer(() -> {
            TransactionCommand command = request.toCommand(Fields.accountId(accountId, "accountId"), today(),
                    personalData.sealer(metadata.principal()));
            return dispatcher.send(command, metadata.toMetaData())
                    .map(recorded -> status(recorded).body(CommandAccepted.of(recorded,
                            command.transactionId().value())));
        }).subscribeOn(personalData.scheduler());
    }

    @Operation(summary = "Record a batch of transactions", description = "Up to 1000 transactions, recorded all "
            + "together or not at all; a refusal names the item (`index`) at fault.")
    @ApiResponse(responseCode = "201", description = "Recorded; at least one transaction was new")
    @ApiResponse(responseCode = "200", description = "Every transaction was recorded before with the same content")
    @Raises({"batch-too-large", "missing-field", "invalid-field", "unknown-transaction-type", "field-not-allowed",
            "unknown-currency", "non-positive-amount", "non-positive-quantity", "too-many-decimals",
            "amount-out-of-bounds", "date-out-of-bounds", "control-character", "fx-rate-out-of-bounds",
            "account-not-found", "read-only-access", "transaction-conflict", "concurrent-modification",
            "account-closed", "insufficient-cash", "insufficient-units", "currency-mismatch", "fx-rate-unexpected",
            "date-before-opening", "breaks-later-balance", "dividend-without-holding"})
    @PostMapping("/{accountId}/transactions:batch")
    Mono<ResponseEntity<AccountRequests.BatchRecorded>> recordBatch(@PathVariable String accountId,
                                                                    @RequestBody AccountRequests.Batch request,
                                                                    RequestMetadata metadata) {
        return Mono.defer(() -> {
            List<TransactionCommand> commands = batchCommands(Fields.accountId(accountId, "accountId"),
                    required(request.transactions(), "transactions"), personalData.sealer(metadata.principal()));
            return dispatcher.sendAll(commands, metadata.toMetaData()).map(recorded -> {
                List<CommandAccepted> accepted = new ArrayList<>(commands.size());
                for (int i = 0; i < commands.size(); i++) {
                    accepted.add(CommandAccepted.of(recorded.get(i), commands.get(i).transactionId().value()));
                }
                boolean anyNew = recorded.stream().anyMatch(r -> !r.alreadyDone());
                long position = recorded.stream().mapToLong(Recorded::position).max().orElseThrow();
                return ResponseEntity.status(anyNew ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new AccountRequests.BatchRecorded(accountId, commands.size(), position, accepted));
            });
        }).subscribeOn(personalData.scheduler());
    }

    @Operation(summary = "Reverse a transaction", description = "Cancels the transaction from its own date as if it "
            + "had never been booked, by a correcting transaction whose id the body gives; nothing is deleted.")
    @ApiResponse(responseCode = "201", description = "Reversed (status RECORDED)")
    @ApiResponse(responseCode = "200", description = "Reversed before by the same request (ALREADY_RECORDED)")
    @Raises({"missing-field", "invalid-field", "date-out-of-bounds", "control-character", "account-not-found",
            "read-only-access", "transaction-conflict", "concurrent-modification", "account-closed",
            "unknown-transaction", "not-reversible", "already-reversed", "reversal-before-original",
            "breaks-later-balance"})
    @PostMapping("/{accountId}/transactions/{transactionId}/reversal")
    Mono<ResponseEntity<CommandAccepted>> reverse(@PathVariable String accountId, @PathVariable String transactionId,
                                                  @RequestBody AccountRequests.Reversal request,
                                                  RequestMetadata metadata) {
        return Mono.defer(() -> {
            ReverseTransactionCommand command = new ReverseTransactionCommand(
                    Fields.accountId(accountId, "accountId"),
                    Fields.transactionId(request.transactionId(), "transactionId"),
                    Fields.transactionRef(transactionId, "reversedTransactionId"),
                    request.date() != null ? Bounds.date(request.date(), "date", today()) : today(),
                    personalData.sealer(metadata.principal())
                            .seal(Bounds.memo(Fields.text(request.reason(), "reason"), "reason")));
            return dispatcher.send(command, metadata.toMetaData())
                    .map(recorded -> status(recorded).body(CommandAccepted.of(recorded,
                            command.transactionId().value())));
        }).subscribeOn(personalData.scheduler());
    }

    @Operation(summary = "Close an account", description = "Only an empty account closes; the date defaults to "
            + "today. The body may be left out.")
    @ApiResponse(responseCode = "201", description = "Closed (status CLOSED)")
    @ApiResponse(responseCode = "200", description = "Closed before on the same date (status ALREADY_CLOSED)")
    @Raises({"invalid-field", "date-out-of-bounds", "account-not-found", "read-only-access", "account-not-empty",
            "closure-before-last-transaction", "account-already-closed", "concurrent-modification"})
    @PostMapping("/{accountId}/closure")
    Mono<ResponseEntity<AccountRequests.AccountChanged>> close(@PathVariable String accountId,
                                                       @RequestBody(required = false) AccountRequests.Closure request,
                                                       RequestMetadata metadata) {
        return Mono.defer(() -> {
            LocalDate date = request != null && request.date() != null ? Bounds.date(request.date(), "date", today())
                    : today();
            return dispatcher.send(new CloseAccountCommand(Fields.accountId(accountId, "accountId"), date),
                    metadata.toMetaData());
        }).map(recorded -> status(recorded).body(new AccountRequests.AccountChanged(recorded.aggregateId(),
                recorded.position(), recorded.alreadyDone() ? "ALREADY_CLOSED" : "CLOSED")));
    }

    /** Checked here, on the text: the account sees only the sealed name. */
    private static String name(String given) {
        String name = Bounds.text(required(given, "name"), "name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "name must be 1 to " + MAX_NAME + " characters",
                    "name");
        }
        return name;
    }

    private List<TransactionCommand> batchCommands(AccountId account, List<TransactionRequest> requests,
                                                   PersonalData.Sealer sealer) {
        if (requests.isEmpty()) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "transactions must not be empty", "transactions");
        }
        if (requests.size() > MAX_BATCH) {
            throw new RuleViolation(CommandRule.BATCH_TOO_LARGE,
                    requests.size() + " transactions in one batch; at most " + MAX_BATCH, "transactions");
        }
        LocalDate today = today();
        List<TransactionCommand> commands = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                commands.add(required(requests.get(i), "transactions[" + i + "]").toCommand(account, today, sealer));
            } catch (RuntimeException invalid) {
                throw new BatchItemFailed(i, invalid);
            }
        }
        return commands;
    }

    private LocalDate today() {
        return LocalDate.now(properties.zone());
    }

    private static ResponseEntity.BodyBuilder status(Recorded recorded) {
        return ResponseEntity.status(recorded.alreadyDone() ? HttpStatus.OK : HttpStatus.CREATED);
    }
}
