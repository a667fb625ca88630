package dev.finflow.command.transfers.web;

import dev.finflow.command.api.CommandAccepted;
import dev.finflow.command.api.Bounds;
import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.events.ledger.SendTransferCommand;
import dev.finflow.runtime.keys.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Starts transfers. The sender is debited at once (202 Accepted, status SENT); the transfer process then credits
 * the receiver, or refunds the sender when the receiver refuses. Both show in the accounts' transactions.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers", description = "Cash between two accounts of the ledger")
class TransferController {

    private final CommandDispatcher dispatcher;
    private final PersonalData personalData;
    private final ZoneId zone;

    TransferController(CommandDispatcher dispatcher, PersonalData personalData,
                       @Value("${finflow.accounts.zone:UTC}") ZoneId zone) {
        this.dispatcher = dispatcher;
        this.personalData = personalData;
        this.zone = zone;
    }

    @Operation(summary = "Send a transfer", description = "Debits the sender at once (202, status SENT); the transfer "
            + "process then credits the receiver, or refunds the sender when the receiver refuses.")
    @ApiResponse(responseCode = "202", description = "Sent; the receiver is credited shortly (status SENT)")
    @ApiResponse(responseCode = "200", description = "Sent before with the same content (ALREADY_RECORDED)")
    @Raises({"missing-field", "invalid-field", "unknown-currency", "amount-out-of-bounds", "fx-rate-out-of-bounds",
            "date-out-of-bounds", "control-character", "non-positive-amount", "too-many-decimals",
            "account-not-found", "read-only-access", "same-account-transfer", "transaction-conflict",
            "account-closed", "insufficient-cash", "date-before-opening", "breaks-later-balance",
            "concurrent-modification"})
    @PostMapping
    Mono<ResponseEntity<CommandAccepted>> send(@RequestBody TransferRequest request, RequestMetadata metadata) {
        return Mono.defer(() -> {
            SendTransferCommand command = new SendTransferCommand(
                    Fields.accountId(request.fromAccountId(), "fromAccountId"),
                    Fields.transactionId(request.transferId(), "transferId"),
                    Fields.accountId(request.toAccountId(), "toAccountId"),
                    Fields.money(Bounds.amount(request.amount(), "amount"), "amount", request.currency(), "currency"),
                    Bounds.fxRate(request.fxRate(), "fxRate"), request.date() != null
                    ? Bounds.date(request.date(), "date", LocalDate.now(zone)) : LocalDate.now(zone),
                    personalData.sealer(metadata.principal())
                            .seal(Bounds.memo(Fields.text(request.memo(), "memo"), "memo")));
            return dispatcher.send(command, metadata.toMetaData()).map(recorded -> ResponseEntity
                    .status(recorded.alreadyDone() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(new CommandAccepted(recorded.aggregateId(), command.transactionId().value(),
                            recorded.position(), recorded.alreadyDone() ? "ALREADY_RECORDED" : "SENT")));
        }).subscribeOn(personalData.scheduler());
    }
}
