package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A fee was charged to the account. */
@Revision("1")
public record FeeChargedEvent(AccountId accountId,
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
