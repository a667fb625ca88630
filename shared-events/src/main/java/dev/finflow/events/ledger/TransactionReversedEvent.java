package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An earlier transaction was cancelled by this correcting one: its legs are the reversed transaction's, negated, effective on {@code bookingDate}. */
@Revision("1")
public record TransactionReversedEvent(AccountId accountId,
                                       TransactionId transactionId,
                                       TransactionId reversedTransactionId,
                                       LocalDate bookingDate,
                                       String reason,
                                       List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }
}
