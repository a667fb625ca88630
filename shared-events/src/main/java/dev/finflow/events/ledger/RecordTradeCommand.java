package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Buys or sells units at a price per unit, with an optional fee in the price's currency. */
public record RecordTradeCommand(@TargetAggregateIdentifier AccountId accountId,
                                 TransactionId transactionId,
                                 TradeSide side,
                                 Symbol symbol,
                                 Quantity quantity,
                                 Money price,
                                 Money fee,
                                 BigDecimal fxRate,
                                 LocalDate tradeDate,
                                 String memo) implements TransactionCommand {
}
