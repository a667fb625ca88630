package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Cancels an earlier transaction with a correcting one on {@code bookingDate}; nothing is edited or deleted. */
public record ReverseTransactionCommand(@TargetAggregateIdentifier AccountId accountId,
                                        TransactionId transactionId,
                                        TransactionId reversedTransactionId,
                                        LocalDate bookingDate,
                                        String reason) implements TransactionCommand {
}
