package dev.finflow.command.instruments.csv;

import dev.finflow.events.values.Symbol;
import dev.finflow.events.market.RawBar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One symbol's rows of a multi-ticker file, oldest first, with the corporate actions the file carries.
 *
 * @param splits    days whose split ratio is not 1 (a 7-for-1 split has ratio 7)
 * @param dividends days with a non-zero cash dividend per share going ex
 */
public record TickerSeries(Symbol symbol, List<RawBar> bars, List<Split> splits, List<Dividend> dividends) {

    public TickerSeries {
        bars = List.copyOf(bars);
        splits = List.copyOf(splits);
        dividends = List.copyOf(dividends);
    }

    public record Split(LocalDate date, BigDecimal ratio) {
    }

    public record Dividend(LocalDate exDate, BigDecimal amountPerShare) {
    }
}
