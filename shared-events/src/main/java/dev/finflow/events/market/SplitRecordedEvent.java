package dev.finflow.events.market;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A split took effect: from {@code effectiveDate} on, every {@code denominator} units held are {@code numerator}
 * units (a 7-for-1 split is 7/1, a 1-for-10 reverse split 1/10). Holdings and adjusted prices honour it, and every
 * account holding the symbol is told (see {@code ApplySplitCommand}). {@code cashInLieuPrice} (revision 2;
 * absent before, and optional) is the price per unit after the split at which a fractional remainder is paid out.
 * {@code cashInLieuFxRates} (revision 3; empty before) settle that price for accounts in another currency: units
 * of the account's currency (the key, an ISO code) per unit of the instrument's. An account whose currency has no
 * rate keeps its remainder as units.
 */
@Revision("3")
public record SplitRecordedEvent(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator,
                                 BigDecimal denominator, String source, Money cashInLieuPrice,
                                 SortedMap<String, BigDecimal> cashInLieuFxRates)
        implements EffectiveDated {

    public SplitRecordedEvent {
        cashInLieuFxRates = cashInLieuFxRates == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(cashInLieuFxRates));
    }

    public SplitRecordedEvent(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator, BigDecimal denominator,
                              String source, Money cashInLieuPrice) {
        this(symbol, effectiveDate, numerator, denominator, source, cashInLieuPrice, null);
    }

    public SplitRecordedEvent(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator, BigDecimal denominator,
                              String source) {
        this(symbol, effectiveDate, numerator, denominator, source, null, null);
    }

    /** The rate settling the cash-in-lieu price in {@code accountCurrency}, if the split names one. */
    public BigDecimal cashInLieuFxRate(String accountCurrency) {
        return cashInLieuFxRates.get(accountCurrency);
    }

    /** Units after the split per unit before. */
    public BigDecimal ratio() {
        return numerator.divide(denominator, MathContext.DECIMAL64);
    }
}
