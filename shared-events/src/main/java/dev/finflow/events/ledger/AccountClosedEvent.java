package dev.finflow.events.ledger;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.AccountId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An empty account was closed; it accepts nothing more. */
@Revision("1")
public record AccountClosedEvent(AccountId accountId,
                                 LocalDate closedOn) implements EffectiveDated {

    @Override
    public LocalDate effectiveDate() {
        return closedOn;
    }
}
