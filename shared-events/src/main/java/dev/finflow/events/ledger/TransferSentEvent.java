package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Cash left this account towards another account of the ledger; the transfer process credits the receiver or refunds. */
@Revision("1")
public record TransferSentEvent(AccountId accountId,
                                TransactionId transactionId,
                                AccountId toAccountId,
                                Money amount,
                                BigDecimal fxRate,
                                LocalDate bookingDate,
                                String memo,
                                List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }
}
