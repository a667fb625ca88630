package dev.finflow.events.ledger;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The account learnt of a split of a symbol it holds: from {@code effectiveDate} on, it decides in the new share
 * basis. It moves no value by itself (the holdings projection applies the instrument's own split event); a
 * fractional remainder is paid out by the {@link CashInLieuPaidEvent} that follows it.
 */
@Revision("1")
public record SplitAppliedEvent(AccountId accountId,
                                Symbol symbol,
                                LocalDate effectiveDate,
                                BigDecimal numerator,
                                BigDecimal denominator) implements EffectiveDated {
}
