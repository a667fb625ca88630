package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Tells an account holding {@code symbol} of a split recorded on the instrument; sent by the split process, never
 * by clients. A split is a fact: the account never refuses it. {@code cashInLieuFxRates}: account currency per
 * unit of the price's currency, by the account currency's ISO code (never null).
 */
public record ApplySplitCommand(@TargetAggregateIdentifier AccountId accountId,
                                Symbol symbol,
                                LocalDate effectiveDate,
                                BigDecimal numerator,
                                BigDecimal denominator,
                                Money cashInLieuPrice,
                                Map<String, BigDecimal> cashInLieuFxRates) {

    public ApplySplitCommand {
        cashInLieuFxRates = cashInLieuFxRates == null ? Map.of() : Map.copyOf(cashInLieuFxRates);
    }
}
