package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Compensates a sent transfer that the receiving account refused: credits the sender back on {@code bookingDate}, the day the transfer was sent, as if it never left. */
public record RefundTransferCommand(@TargetAggregateIdentifier AccountId accountId,
                                    TransactionId transactionId,
                                    String reason,
                                    LocalDate bookingDate) implements TransactionCommand {
}
