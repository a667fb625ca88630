package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;

/** RiskMetrics EWMA variance of daily log returns up to an origin: the volatility every interval is scaled by. */
public final class Volatility {

    public static final double LAMBDA = 0.94;

    private Volatility() {
    }

    /** sigma at {@code origin}: seeded with the mean square of the first 20 returns, then EWMA(lambda). */
    public static double ewma(List<FeatureRow> rows, int origin, double lambda) {
        double variance = Double.NaN;
        double seed = 0;
        int seen = 0;
        for (int i = 0; i <= origin; i++) {
            Double r = rows.get(i).logReturn();
            if (r == null) {
                continue;
            }
            seen++;
            if (seen <= 20) {
                seed += r * r / 20;
                if (seen == 20) {
                    variance = seed;
                }
            } else {
                variance = lambda * variance + (1 - lambda) * r * r;
            }
        }
        return Math.sqrt(Double.isNaN(variance) ? (seen == 0 ? 1e-4 : seed * 20 / seen) : variance);
    }
}
