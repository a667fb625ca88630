package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Records a split: from {@code effectiveDate} every {@code denominator} units become {@code numerator}. A
 * fractional remainder (after a reverse split) is paid out at {@code cashInLieuPrice} per unit after the split,
 * in the instrument's currency (optional: without it a remainder stays held), settled for an account in another
 * currency at that currency's rate in {@code cashInLieuFxRates} (account currency per instrument currency).
 */
public record RecordSplitCommand(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator,
                                 BigDecimal denominator, String source, BigDecimal cashInLieuPrice,
                                 Map<String, BigDecimal> cashInLieuFxRates)
        implements InstrumentCommand {

    public RecordSplitCommand(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator, BigDecimal denominator,
                              String source) {
        this(symbol, effectiveDate, numerator, denominator, source, null, null);
    }
}
