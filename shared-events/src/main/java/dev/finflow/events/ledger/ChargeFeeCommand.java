package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Books a fee charged to the account (custody, account fees); fees are facts, so they may use the overdraft. */
public record ChargeFeeCommand(@TargetAggregateIdentifier AccountId accountId,
                               TransactionId transactionId,
                               Money amount,
                               BigDecimal fxRate,
                               LocalDate bookingDate,
                               String memo) implements TransactionCommand {
}
