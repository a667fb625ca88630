package dev.finflow.ml.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The real daily closes and volumes of {@code /prices/<symbol>.csv} (AAPL, GOOGL, TSLA), oldest first. */
public final class RealPrices {

    private RealPrices() {
    }

    /** The bars as the feature projection reads them, each attributed to event {@code position}. */
    public static List<PricePoint> points(String symbol, long position) {
        List<PricePoint> points = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                RealPrices.class.getResourceAsStream("/prices/" + symbol + ".csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                points.add(new PricePoint(LocalDate.parse(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
                        position));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    /** The features of the real series, as {@link FeatureRows} computes them for tools and tests. */
    public static List<FeatureRow> featureRows(String symbol) {
        List<PricePoint> points = points(symbol, 0);
        return FeatureRows.of(symbol, points.stream().map(PricePoint::date).toList(),
                points.stream().mapToDouble(PricePoint::close).toArray(),
                points.stream().mapToLong(PricePoint::volume).toArray());
    }
}
