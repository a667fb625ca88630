package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A cash dividend from an instrument was paid into the account. */
@Revision("1")
public record DividendRecordedEvent(AccountId accountId,
                                    TransactionId transactionId,
                                    Symbol symbol,
                                    Money amount,
                                    BigDecimal fxRate,
                                    LocalDate paymentDate,
                                    String memo,
                                    List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return paymentDate;
    }
}
