package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.serialization.Revision;

/**
 * A user was given owner or viewer access to an account (replacing any level they had). The opener of an account
 * is its first owner without such an event: the principal of its {@link AccountOpenedEvent}.
 */
@Revision("1")
public record AccessGrantedEvent(AccountId accountId,
                                 String userId,
                                 AccessLevel level) {
}
