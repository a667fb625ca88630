package dev.finflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closes per symbol, oldest first, from either layout: the bundled dash-stock-ticker-demo.csv (index, Date, ...,
 * AdjClose, ..., Stock; adjusted closes are used) or the long format {@code symbol,date,close} (columns by header
 * name, any order, ISO dates). Anything else, or a file without a single usable row, is an error rather than an
 * empty table.
 */
record MarketSeries(String symbol, List<String> dates, double[] closes) {

    static List<MarketSeries> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty");
        }
        List<String> header = List.of(lines.get(0).trim().toLowerCase(java.util.Locale.ROOT).split(","));
        int symbol;
        int date;
        int close;
        if (header.contains("stock") && header.contains("adjclose") && header.contains("date")) {
            symbol = header.indexOf("stock");
            date = header.indexOf("date");
            close = header.indexOf("adjclose");
        } else if (header.contains("symbol") && header.contains("date") && header.contains("close")) {
            symbol = header.indexOf("symbol");
            date = header.indexOf("date");
            close = header.indexOf("close");
        } else {
            throw new IllegalArgumentException(csv + ": header " + lines.get(0) + " is neither the dash-stock-ticker"
                    + " layout (Date, AdjClose, Stock) nor the long format (symbol,date,close)");
        }
        int needed = Math.max(symbol, Math.max(date, close)) + 1;
        Map<String, TreeMap<String, Double>> bySymbol = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < needed || f[close].isBlank() || f[symbol].isBlank()) {
                continue;
            }
            bySymbol.computeIfAbsent(f[symbol].trim(), s -> new TreeMap<>())
                    .put(java.time.LocalDate.parse(f[date].trim()).toString(), Double.parseDouble(f[close].trim()));
        }
        if (bySymbol.isEmpty()) {
            throw new IllegalArgumentException(csv + " holds no usable rows");
        }
        List<MarketSeries> out = new ArrayList<>();
        bySymbol.forEach((name, rows) -> out.add(new MarketSeries(name, List.copyOf(rows.keySet()),
                rows.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    double[] logReturns() {
        double[] out = new double[closes.length - 1];
        for (int t = 1; t < closes.length; t++) {
            out[t - 1] = Math.log(closes[t]) - Math.log(closes[t - 1]);
        }
        return out;
    }

    double[] absoluteReturns() {
        double[] out = logReturns();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }
}
