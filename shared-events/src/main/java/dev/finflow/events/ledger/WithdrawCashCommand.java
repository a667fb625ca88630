package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Takes cash out of the account, within its cash plus overdraft. */
public record WithdrawCashCommand(@TargetAggregateIdentifier AccountId accountId,
                                  TransactionId transactionId,
                                  Money amount,
                                  BigDecimal fxRate,
                                  LocalDate bookingDate,
                                  String memo) implements TransactionCommand {
}
