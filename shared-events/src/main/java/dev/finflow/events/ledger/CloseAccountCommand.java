package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Closes an empty account; a closed account accepts nothing more. */
public record CloseAccountCommand(@TargetAggregateIdentifier AccountId accountId,
                                  LocalDate closedOn) {
}
