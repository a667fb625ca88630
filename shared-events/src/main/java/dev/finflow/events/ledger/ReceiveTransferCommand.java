package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Credits the receiving account of a transfer; sent by the transfer process, never by clients. */
public record ReceiveTransferCommand(@TargetAggregateIdentifier AccountId accountId,
                                     TransactionId transactionId,
                                     AccountId fromAccountId,
                                     Money amount,
                                     BigDecimal fxRate,
                                     LocalDate bookingDate,
                                     String memo) implements TransactionCommand {
}
