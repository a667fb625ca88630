package dev.finflow.command.instruments.csv;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the long multi-ticker format (Quandl WIKI style, as in plotly's {@code dash-stock-ticker-demo.csv}):
 * {@code index,Date,Open,High,Low,Close,Volume,ExDividend,SplitRatio,AdjOpen,AdjHigh,AdjLow,AdjClose,AdjVolume,
 * Stock}, any order (that file is newest first). Columns are found by name, so the leading index column may be
 * absent. Bars stay strings for the quality rules; dividends and split ratios, which become events of their own,
 * must be numbers.
 */
public final class TickerCsv {

    private static final List<String> REQUIRED = List.of("Date", "Open", "High", "Low", "Close", "Volume",
            "ExDividend", "SplitRatio", "AdjClose", "Stock");

    private TickerCsv() {
    }

    /** Every symbol's series, in the order symbols first appear in the file, each sorted oldest first. */
    public static Map<Symbol, TickerSeries> parse(String text) {
        List<String[]> rows = CsvLines.split(text);
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new CsvFormatException(1, "empty file; expected a header with " + String.join(",", REQUIRED));
        }
        Map<String, Integer> column = columns(rows.get(0));
        Map<Symbol, Collected> bySymbol = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] fields = rows.get(i);
            if (fields == null) {
                continue;
            }
            int line = i + 1;
            Symbol symbol = symbol(CsvLines.field(fields, column.get("Stock")), line);
            Collected series = bySymbol.computeIfAbsent(symbol, s -> new Collected());
            String date = CsvLines.field(fields, column.get("Date"));
            series.bars.add(new RawBar(date, CsvLines.field(fields, column.get("Open")),
                    CsvLines.field(fields, column.get("High")), CsvLines.field(fields, column.get("Low")),
                    CsvLines.field(fields, column.get("Close")), CsvLines.field(fields, column.get("AdjClose")),
                    CsvLines.field(fields, column.get("Volume"))));
            BigDecimal dividend = number(CsvLines.field(fields, column.get("ExDividend")), BigDecimal.ZERO, line);
            BigDecimal split = number(CsvLines.field(fields, column.get("SplitRatio")), BigDecimal.ONE, line);
            if (dividend.signum() != 0) {
                series.dividends.add(new TickerSeries.Dividend(date(date, line), dividend));
            }
            if (split.compareTo(BigDecimal.ONE) != 0) {
                series.splits.add(new TickerSeries.Split(date(date, line), split));
            }
        }
        Map<Symbol, TickerSeries> result = new LinkedHashMap<>();
        bySymbol.forEach((symbol, collected) -> result.put(symbol, collected.sorted(symbol)));
        return result;
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].strip(), i);
        }
        for (String name : REQUIRED) {
            if (!column.containsKey(name)) {
                throw new CsvFormatException(1, "no column " + name + "; the long format needs "
                        + String.join(",", REQUIRED));
            }
        }
        return column;
    }

    private static Symbol symbol(String value, int line) {
        try {
            return new Symbol(value);
        } catch (RuntimeException invalid) {
            throw new CsvFormatException(line, "Stock '" + value + "' is not a symbol");
        }
    }

    private static BigDecimal number(String value, BigDecimal absent, int line) {
        if (value == null) {
            return absent;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException invalid) {
            throw new CsvFormatException(line, "'" + value + "' is not a number");
        }
    }

    private static LocalDate date(String value, int line) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException invalid) {
            throw new CsvFormatException(line, "a row with a dividend or split needs a valid date, not '"
                    + value + "'");
        }
    }

    /** Rows of one symbol as read, before sorting. */
    private static final class Collected {
        final List<RawBar> bars = new ArrayList<>();
        final List<TickerSeries.Split> splits = new ArrayList<>();
        final List<TickerSeries.Dividend> dividends = new ArrayList<>();

        TickerSeries sorted(Symbol symbol) {
            // Rows with unreadable dates sort last; the quality rules quarantine them.
            Comparator<RawBar> byDate = Comparator.comparing(RawBar::date,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            bars.sort(byDate);
            splits.sort(Comparator.comparing(TickerSeries.Split::date));
            dividends.sort(Comparator.comparing(TickerSeries.Dividend::exDate));
            return new TickerSeries(symbol, bars, splits, dividends);
        }
    }
}
