package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a provider delivered for one symbol and range. Bars stay raw strings so that the instrument's quality
 * rules, not the provider, decide what a malformed field means.
 */
public record ProviderData(List<RawBar> bars, List<Split> splits, List<Dividend> dividends) {

    public ProviderData {
        bars = List.copyOf(bars);
        splits = List.copyOf(splits);
        dividends = List.copyOf(dividends);
    }

    public static ProviderData ofBars(List<RawBar> bars) {
        return new ProviderData(bars, List.of(), List.of());
    }

    /** From {@code date} every {@code denominator} units are {@code numerator} units. */
    public record Split(LocalDate date, BigDecimal numerator, BigDecimal denominator) {
    }

    /** A cash dividend per unit going ex on {@code exDate}, in the instrument's currency. */
    public record Dividend(LocalDate exDate, BigDecimal amount) {
    }
}
