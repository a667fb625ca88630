package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Starts a transfer: debits this account; the receiving account is credited by the transfer process. {@code fxRate} converts into the receiving account's currency when it differs. */
public record SendTransferCommand(@TargetAggregateIdentifier AccountId accountId,
                                  TransactionId transactionId,
                                  AccountId toAccountId,
                                  Money amount,
                                  BigDecimal fxRate,
                                  LocalDate bookingDate,
                                  String memo) implements TransactionCommand {
}
