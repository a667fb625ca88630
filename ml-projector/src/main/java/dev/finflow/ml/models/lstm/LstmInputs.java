package dev.finflow.ml.models.lstm;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.Target;

import java.util.List;

/**
 * Turns feature rows into the network's input: for an origin day, the {@code window} days ending on it, each
 * with six features, standardized by the training rows' means and deviations (kept in the model's params so
 * that forecasts later scale the same way). Only rows up to the origin are read.
 */
final class LstmInputs {

    static final int FEATURES = 6;
    /** The first row with every input defined: MACD needs 26 closes. */
    static final int FIRST_DEFINED = 25;

    private LstmInputs() {
    }

    static double[] raw(FeatureRow row) {
        double r = row.logReturn();
        return new double[]{r, Math.abs(r), row.realizedVol20(), row.rsi14() / 100,
                Math.max(-5, Math.min(5, row.volumeZ20())), row.macd() / row.close()};
    }

    static boolean usableOrigin(List<FeatureRow> rows, int origin, int window) {
        return origin - window + 1 >= FIRST_DEFINED && origin < rows.size();
    }

    static double target(Target target, List<FeatureRow> rows, int origin) {
        return target.actual(rows, origin, 1);
    }

    /** Mean and standard deviation of each input over the origins' windows (computed on training rows). */
    static double[][] scaling(List<FeatureRow> rows) {
        double[] mean = new double[FEATURES];
        double[] sd = new double[FEATURES];
        int n = 0;
        for (int i = FIRST_DEFINED; i < rows.size(); i++) {
            double[] x = raw(rows.get(i));
            for (int f = 0; f < FEATURES; f++) {
                mean[f] += x[f];
                sd[f] += x[f] * x[f];
            }
            n++;
        }
        for (int f = 0; f < FEATURES; f++) {
            mean[f] /= n;
            sd[f] = Math.sqrt(Math.max(sd[f] / n - mean[f] * mean[f], 1e-12));
        }
        return new double[][]{mean, sd};
    }

    /** Writes the standardized window ending at {@code origin} into {@code out} at {@code offset}. */
    static void window(List<FeatureRow> rows, int origin, int window, double[][] scaling, float[] out, int offset) {
        int k = offset;
        for (int i = origin - window + 1; i <= origin; i++) {
            double[] x = raw(rows.get(i));
            for (int f = 0; f < FEATURES; f++) {
                out[k++] = (float) ((x[f] - scaling[0][f]) / scaling[1][f]);
            }
        }
    }
}
