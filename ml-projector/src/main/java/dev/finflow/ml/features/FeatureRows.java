package dev.finflow.ml.features;

import dev.finflow.events.market.Bar;

import java.util.List;

/** Features straight from bars, outside the projection: for benchmarks and tests on raw series. */
public final class FeatureRows {

    private FeatureRows() {
    }

    public static List<FeatureRow> of(String symbol, List<Bar> bars) {
        return FeatureCalculator.compute(symbol, bars.stream()
                .map(b -> new PricePoint(b.date(), b.close().doubleValue(), b.volume(), 0)).toList());
    }
}
