package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The long multi-ticker format (Quandl WIKI style): {@code ,Date,Open,High,Low,Close,Volume,ExDividend,
 * SplitRatio,AdjOpen,AdjHigh,AdjLow,AdjClose,AdjVolume,Stock}. Rows of other symbols are skipped; a non-zero
 * ExDividend is a dividend and a SplitRatio other than 1 a split on that date. Files without a Stock column are
 * not in this format and are ignored.
 */
final class LongTickerCsv {

    private LongTickerCsv() {
    }

    static void read(String provider, String body, Symbol symbol, LocalDate from, LocalDate to, List<RawBar> bars,
                     List<ProviderData.Split> splits, List<ProviderData.Dividend> dividends) {
        String[] lines = body.strip().split("\r?\n");
        Map<String, Integer> columns = new HashMap<>();
        String[] names = lines[0].replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("stock") || !columns.containsKey("date")) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            if (fields.length < names.length) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, "line " + (i + 1)
                        + " is short: " + DailyCsv.abbreviate(lines[i]));
            }
            if (!symbol.value().equalsIgnoreCase(fields[columns.get("stock")].strip())) {
                continue;
            }
            String date = fields[columns.get("date")].strip();
            if (!inRange(date, from, to)) {
                continue;
            }
            bars.add(new RawBar(date, get(fields, columns, "open"), get(fields, columns, "high"),
                    get(fields, columns, "low"), get(fields, columns, "close"), get(fields, columns, "adjclose"),
                    wholeNumber(get(fields, columns, "volume"))));
            BigDecimal dividend = decimal(get(fields, columns, "exdividend"));
            if (dividend != null && dividend.signum() > 0) {
                dividends.add(new ProviderData.Dividend(LocalDate.parse(date), dividend.stripTrailingZeros()));
            }
            BigDecimal ratio = decimal(get(fields, columns, "splitratio"));
            if (ratio != null && ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) != 0) {
                splits.add(new ProviderData.Split(LocalDate.parse(date), ratio.stripTrailingZeros(), BigDecimal.ONE));
            }
        }
    }

    static boolean inRange(String date, LocalDate from, LocalDate to) {
        try {
            LocalDate day = LocalDate.parse(date);
            return !day.isBefore(from) && !day.isAfter(to);
        } catch (RuntimeException unparsable) {
            return true; // kept, so the quality rules record it
        }
    }

    private static String get(String[] fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        String value = index == null ? "" : fields[index].strip();
        return value.isEmpty() ? null : value;
    }

    /** pandas writes volumes as {@code 25643711.0}; the trailing zero fraction is an artefact, not data. */
    private static String wholeNumber(String volume) {
        return volume != null && volume.matches("-?\\d+\\.0+") ? volume.substring(0, volume.indexOf('.')) : volume;
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
