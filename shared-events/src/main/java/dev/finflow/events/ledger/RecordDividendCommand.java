package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Books a cash dividend paid by an instrument. */
public record RecordDividendCommand(@TargetAggregateIdentifier AccountId accountId,
                                    TransactionId transactionId,
                                    Symbol symbol,
                                    Money amount,
                                    BigDecimal fxRate,
                                    LocalDate paymentDate,
                                    String memo) implements TransactionCommand {
}
