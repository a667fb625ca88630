package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The fractional remainder of a split was paid out in cash: booked as a sale of {@code quantity} units at
 * {@code price} (the split's cash-in-lieu price, settled at {@code fxRate} when the account's currency differs) on
 * the split's date, so that its realised profit or loss counts like any sale's.
 */
@Revision("1")
public record CashInLieuPaidEvent(AccountId accountId,
                                  TransactionId transactionId,
                                  Symbol symbol,
                                  Quantity quantity,
                                  Money price,
                                  BigDecimal fxRate,
                                  LocalDate paymentDate,
                                  List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return paymentDate;
    }
}
