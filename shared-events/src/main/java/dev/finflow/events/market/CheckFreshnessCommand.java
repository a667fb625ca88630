package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

import java.time.LocalDate;

/**
 * The scheduled freshness check: the newest bar should be no older than {@code expectedLatest}, the last trading
 * day the calendar says should be available on {@code checkedOn}.
 */
public record CheckFreshnessCommand(Symbol symbol, LocalDate checkedOn, LocalDate expectedLatest)
        implements InstrumentCommand {
}
