package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Books cash into the account. An amount in another currency needs {@code fxRate}: account currency per unit. */
public record DepositCashCommand(@TargetAggregateIdentifier AccountId accountId,
                                 TransactionId transactionId,
                                 Money amount,
                                 BigDecimal fxRate,
                                 LocalDate bookingDate,
                                 String memo) implements TransactionCommand {
}
