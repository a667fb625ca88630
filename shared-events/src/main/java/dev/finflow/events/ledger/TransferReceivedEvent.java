package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A transfer from another account was credited; {@code amount} is what was sent, {@code credited} what arrived in this account's currency. */
@Revision("1")
public record TransferReceivedEvent(AccountId accountId,
                                    TransactionId transactionId,
                                    AccountId fromAccountId,
                                    Money amount,
                                    BigDecimal fxRate,
                                    Money credited,
                                    LocalDate bookingDate,
                                    String memo,
                                    List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }
}
