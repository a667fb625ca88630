package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.serialization.Revision;

/** A user's access to an account ended; they are answered as if the account did not exist. */
@Revision("1")
public record AccessRevokedEvent(AccountId accountId,
                                 String userId) {
}
