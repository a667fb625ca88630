package dev.finflow.command.transfers.web;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A transfer of cash between two accounts of the ledger. {@code amount} is in the sending account's currency;
 * {@code fxRate} (receiver's currency per unit of the sender's) is needed when the two differ. The transfer id is
 * the transaction id in both accounts.
 */
record TransferRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tr-1")
                       @JsonDeserialize(using = StrictText.class) String transferId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "acc-1")
                       @JsonDeserialize(using = StrictText.class) String fromAccountId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "acc-2")
                       @JsonDeserialize(using = StrictText.class) String toAccountId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "250.00") BigDecimal amount,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The sender's currency",
                               example = "EUR") @JsonDeserialize(using = StrictText.class) String currency,
                       @Schema(description = "Receiver's currency per unit of the sender's, when they differ",
                               example = "1.0850") BigDecimal fxRate,
                       @Schema(example = "2024-01-02") LocalDate date,
                       @Schema(example = "rent") @JsonDeserialize(using = StrictText.class) String memo) {
}
