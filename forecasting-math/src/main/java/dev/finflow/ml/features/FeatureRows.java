package dev.finflow.ml.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Features straight from bars, outside the projection: for benchmarks and tests on raw series. */
public final class FeatureRows {

    private FeatureRows() {
    }

    /** Rows from plain arrays (oldest first), for tools without the event classes on their class path. */
    public static List<FeatureRow> of(String symbol, List<LocalDate> dates, double[] closes,
                                      long[] volumes) {
        List<PricePoint> points = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            points.add(new PricePoint(dates.get(i), closes[i], volumes[i], 0));
        }
        return FeatureCalculator.compute(symbol, points);
    }
}
