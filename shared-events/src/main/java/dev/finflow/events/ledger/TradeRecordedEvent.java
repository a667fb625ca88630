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

/** Units were bought or sold; the legs carry the settled cash in the account's currency. */
@Revision("1")
public record TradeRecordedEvent(AccountId accountId,
                                 TransactionId transactionId,
                                 TradeSide side,
                                 Symbol symbol,
                                 Quantity quantity,
                                 Money price,
                                 Money fee,
                                 BigDecimal fxRate,
                                 LocalDate tradeDate,
                                 String memo,
                                 List<Leg> legs) implements LedgerTransactionEvent {

    @Override
    public LocalDate effectiveDate() {
        return tradeDate;
    }
}
