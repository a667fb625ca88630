package dev.finflow.command.transfers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A transfer of cash between two accounts of the ledger. {@code amount} is in the sending account's currency;
 * {@code fxRate} (receiver's currency per unit of the sender's) is needed when the two differ. The transfer id is
 * the transaction id in both accounts.
 */
record TransferRequest(String transferId, String fromAccountId, String toAccountId, BigDecimal amount,
                       String currency, BigDecimal fxRate, LocalDate date, String memo) {
}
