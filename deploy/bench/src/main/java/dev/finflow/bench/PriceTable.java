package dev.finflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dates, closes and volumes per symbol from the bundled dash-stock-ticker-demo.csv layout (Date at column 1,
 * Close 5, Volume 6, Stock 14; newest first in the file), oldest first: the raw closes the service's features
 * are computed from.
 */
record PriceTable(String symbol, List<LocalDate> dates, double[] closes, long[] volumes) {

    static List<PriceTable> read(Path csv) throws IOException {
        Map<String, TreeMap<LocalDate, double[]>> bySymbol = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 15 || f[5].isBlank()) {
                continue;
            }
            bySymbol.computeIfAbsent(f[14].trim(), s -> new TreeMap<>()).put(LocalDate.parse(f[1]),
                    new double[]{Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        List<PriceTable> out = new ArrayList<>();
        bySymbol.forEach((symbol, rows) -> {
            double[] closes = rows.values().stream().mapToDouble(v -> v[0]).toArray();
            long[] volumes = rows.values().stream().mapToLong(v -> (long) v[1]).toArray();
            out.add(new PriceTable(symbol, List.copyOf(rows.keySet()), closes, volumes));
        });
        return out;
    }

    /**
     * A synthetic symbol: GARCH(1,1) returns (persistent volatility clusters, like real prices) from a seeded
     * generator, on a price level and volume scaled per symbol. Same seed, same series.
     */
    static PriceTable synthetic(String symbol, int days, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double omega = 2e-6;
        double alpha = 0.08;
        double beta = 0.9;
        double variance = omega / (1 - alpha - beta);
        double price = 20 + random.nextDouble() * 400;
        double volume = 1e5 + random.nextDouble() * 5e7;
        List<LocalDate> dates = new ArrayList<>(days);
        double[] closes = new double[days];
        long[] volumes = new long[days];
        LocalDate date = LocalDate.of(2015, 1, 2);
        for (int t = 0; t < days; t++) {
            double shock = random.nextGaussian() * Math.sqrt(variance);
            price *= Math.exp(shock);
            variance = omega + alpha * shock * shock + beta * variance;
            dates.add(date);
            closes[t] = Math.round(price * 100) / 100.0;
            volumes[t] = (long) (volume * Math.exp(0.3 * random.nextGaussian()));
            date = date.plusDays(date.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1);
        }
        return new PriceTable(symbol, dates, closes, volumes);
    }
}
