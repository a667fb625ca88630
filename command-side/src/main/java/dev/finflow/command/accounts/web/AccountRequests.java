package dev.finflow.command.accounts.web;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;
import dev.finflow.command.api.CommandAccepted;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the account endpoints other than single transactions. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code accountId} is generated when left out; {@code overdraftLimit} defaults to the configured one. */
    @Schema(name = "OpenAccountRequest")
    record Open(@Schema(example = "acc-1") @JsonDeserialize(using = StrictText.class) String accountId,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Savings")
                @JsonDeserialize(using = StrictText.class) String name,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217 code", example = "EUR")
                @JsonDeserialize(using = StrictText.class) String currency,
                @Schema(example = "0") BigDecimal overdraftLimit,
                @Schema(example = "2024-01-02") LocalDate openedOn) {
    }

    /** Up to {@link AccountController#MAX_BATCH} transactions, recorded all together or not at all. */
    @Schema(name = "TransactionBatchRequest")
    record Batch(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<TransactionRequest> transactions) {
    }

    /** {@code transactionId} identifies the reversal itself (for safe retries); the date defaults to today. */
    @Schema(name = "ReversalRequest")
    record Reversal(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tx-2-reversal")
                    @JsonDeserialize(using = StrictText.class) String transactionId,
                    @Schema(example = "2024-01-05") LocalDate date,
                    @Schema(example = "booked twice") @JsonDeserialize(using = StrictText.class) String reason) {
    }

    @Schema(name = "ClosureRequest")
    record Closure(@Schema(example = "2024-12-31") LocalDate date) {
    }

    /** The answer to opening or closing: {@code status} is OPENED, ALREADY_OPEN, CLOSED or ALREADY_CLOSED. */
    @Schema(name = "AccountChanged")
    record AccountChanged(@Schema(example = "acc-1") String accountId, @Schema(example = "42") long position,
                          @Schema(allowableValues = {"OPENED", "ALREADY_OPEN", "CLOSED", "ALREADY_CLOSED"})
                          String status) {
    }

    /** {@code position} is the highest of the batch: the one to wait for on the query side. */
    @Schema(name = "BatchRecorded")
    record BatchRecorded(@Schema(example = "acc-1") String accountId, @Schema(example = "2") int count,
                         @Schema(example = "44") long position, List<CommandAccepted> transactions) {
    }
}
