package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a user's access to an account; the last owner cannot be revoked. */
public record RevokeAccessCommand(@TargetAggregateIdentifier AccountId accountId,
                                  String userId) {
}
