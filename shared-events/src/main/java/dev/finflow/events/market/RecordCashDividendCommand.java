package dev.finflow.events.market;

import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;

import java.time.LocalDate;

/** Records a cash dividend per unit, going ex on {@code exDate}. */
public record RecordCashDividendCommand(Symbol symbol, LocalDate exDate, Money amountPerUnit, String source)
        implements InstrumentCommand {
}
