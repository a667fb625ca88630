package dev.finflow.command.transfers;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A transfer of cash between two accounts of the ledger. {@code amount} is in the sending account's currency;
 * {@code fxRate} (receiver's currency per unit of the sender's) is needed when the two differ. The transfer id is
 * the transaction id in both accounts.
 */
record TransferRequest(@JsonDeserialize(using = StrictText.class) String transferId,
                       @JsonDeserialize(using = StrictText.class) String fromAccountId,
                       @JsonDeserialize(using = StrictText.class) String toAccountId,
                       BigDecimal amount,
                       @JsonDeserialize(using = StrictText.class) String currency,
                       BigDecimal fxRate,
                       LocalDate date,
                       @JsonDeserialize(using = StrictText.class) String memo) {
}
