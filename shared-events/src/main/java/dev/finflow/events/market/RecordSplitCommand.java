package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Records a split: from {@code effectiveDate} every {@code denominator} units become {@code numerator}. */
public record RecordSplitCommand(Symbol symbol, LocalDate effectiveDate, BigDecimal numerator,
                                 BigDecimal denominator, String source) implements InstrumentCommand {
}
