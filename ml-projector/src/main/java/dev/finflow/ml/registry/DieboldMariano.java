package dev.finflow.ml.registry;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Diebold-Mariano test of equal accuracy for one-step forecasts under absolute-error loss: d_t = |e1_t| - |e2_t|,
 * statistic mean(d) / sqrt(var(d) / n), asymptotically normal (for h = 1 no autocovariance terms are needed).
 */
final class DieboldMariano {

    private DieboldMariano() {
    }

    static double mae(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += Math.abs(e);
        }
        return sum / errors.length;
    }

    /** One-sided p-value of "the candidate's absolute errors are smaller"; 1 when there is no variation. */
    static double pValueCandidateBetter(double[] candidate, double[] champion) {
        int n = candidate.length;
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = Math.abs(candidate[t]) - Math.abs(champion[t]);
            mean += d[t] / n;
        }
        double variance = 0;
        for (double v : d) {
            variance += (v - mean) * (v - mean) / n;
        }
        if (variance == 0) {
            return 1;
        }
        double statistic = mean / Math.sqrt(variance / n);
        return new NormalDistribution().cumulativeProbability(statistic);
    }
}
