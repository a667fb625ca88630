package dev.finflow.events.ledger;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.AccountId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** An account was opened in its base currency with a cash overdraft limit. */
@Revision("1")
public record AccountOpenedEvent(AccountId accountId,
                                 String name,
                                 Currency currency,
                                 BigDecimal overdraftLimit,
                                 LocalDate openedOn) implements EffectiveDated {

    @Override
    public LocalDate effectiveDate() {
        return openedOn;
    }
}
