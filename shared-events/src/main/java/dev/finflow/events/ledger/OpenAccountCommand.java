package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** Opens an account in one base currency, with the cash overdraft it may use (zero for none). */
public record OpenAccountCommand(@TargetAggregateIdentifier AccountId accountId,
                                 String name,
                                 Currency currency,
                                 BigDecimal overdraftLimit,
                                 LocalDate openedOn) {
}
