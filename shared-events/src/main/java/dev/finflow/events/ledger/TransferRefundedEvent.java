package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A sent transfer was refused by its receiver and credited back to the sender (the compensation of the transfer process). */
@Revision("1")
public record TransferRefundedEvent(AccountId accountId,
                                    TransactionId transactionId,
                                    AccountId toAccountId,
                                    String reason,
                                    LocalDate bookingDate,
                                    List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }
}
