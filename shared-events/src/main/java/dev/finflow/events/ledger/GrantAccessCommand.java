package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a user (by the opaque id their tokens carry as subject) owner or viewer access to an account; a user
 * granted before gets the new level instead. Sent by an owner of the account or by an admin.
 */
public record GrantAccessCommand(@TargetAggregateIdentifier AccountId accountId,
                                 String userId,
                                 AccessLevel level) {
}
