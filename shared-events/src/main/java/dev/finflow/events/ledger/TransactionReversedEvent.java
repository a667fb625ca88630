package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An earlier transaction was cancelled by this correcting one, recorded on {@code bookingDate} for
 * {@code reason}. Its legs are the reversed transaction's, negated, and they take effect on {@code originalDate},
 * the reversed transaction's own date: the original counts as if it had never been booked. Revision 1 had no
 * {@code originalDate}; its reversals took effect on their booking date, and the upcaster keeps that meaning.
 */
@Revision("2")
public record TransactionReversedEvent(AccountId accountId,
                                       TransactionId transactionId,
                                       TransactionId reversedTransactionId,
                                       LocalDate bookingDate,
                                       String reason,
                                       List<Leg> legs,
                                       LocalDate originalDate) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return originalDate;
    }
}
