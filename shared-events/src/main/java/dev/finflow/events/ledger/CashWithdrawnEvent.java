package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Cash left the account to outside the ledger. */
@Revision("1")
public record CashWithdrawnEvent(AccountId accountId,
                                 TransactionId transactionId,
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
