package dev.finflow.command.accounts;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;
import dev.finflow.command.api.CommandAccepted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the account endpoints other than single transactions. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code accountId} is generated when left out; {@code overdraftLimit} defaults to the configured one. */
    record Open(@JsonDeserialize(using = StrictText.class) String accountId,
                @JsonDeserialize(using = StrictText.class) String name,
                @JsonDeserialize(using = StrictText.class) String currency,
                BigDecimal overdraftLimit,
                LocalDate openedOn) {
    }

    /** Up to {@link AccountController#MAX_BATCH} transactions, recorded all together or not at all. */
    record Batch(List<TransactionRequest> transactions) {
    }

    /** {@code transactionId} identifies the reversal itself (for safe retries); the date defaults to today. */
    record Reversal(@JsonDeserialize(using = StrictText.class) String transactionId,
                    LocalDate date,
                    @JsonDeserialize(using = StrictText.class) String reason) {
    }

    record Closure(LocalDate date) {
    }

    /** The answer to opening or closing: {@code status} is OPENED, ALREADY_OPEN, CLOSED or ALREADY_CLOSED. */
    record AccountChanged(String accountId, long position, String status) {
    }

    /** {@code position} is the highest of the batch: the one to wait for on the query side. */
    record BatchRecorded(String accountId, int count, long position, List<CommandAccepted> transactions) {
    }
}
