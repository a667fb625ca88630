package dev.finflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adjusted closes per symbol, oldest first, from the bundled dash-stock-ticker-demo.csv layout
 * (index, Date, ..., AdjClose at column 12, Stock at 14; newest rows first in the file).
 */
record MarketSeries(String symbol, List<String> dates, double[] closes) {

    static List<MarketSeries> read(Path csv) throws IOException {
        Map<String, TreeMap<String, Double>> bySymbol = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 15 || f[12].isBlank()) {
                continue;
            }
            bySymbol.computeIfAbsent(f[14].trim(), s -> new TreeMap<>()).put(f[1], Double.parseDouble(f[12]));
        }
        List<MarketSeries> out = new ArrayList<>();
        bySymbol.forEach((symbol, rows) -> out.add(new MarketSeries(symbol, List.copyOf(rows.keySet()),
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
