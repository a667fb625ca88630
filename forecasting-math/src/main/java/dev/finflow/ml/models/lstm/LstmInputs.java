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

    /**
     * The standardized inputs of rows {@code from..to} (null before {@code from}), each computed once: a row belongs
     * to up to {@code window} windows, and training visits every window once per epoch.
     */
    static float[][] standardized(List<FeatureRow> rows, int from, int to, double[][] scaling) {
        float[][] out = new float[to + 1][];
        for (int i = Math.max(from, FIRST_DEFINED); i <= to; i++) {
            double[] x = raw(rows.get(i));
            float[] row = new float[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                row[f] = (float) ((x[f] - scaling[0][f]) / scaling[1][f]);
            }
            out[i] = row;
        }
        return out;
    }

    /** Writes the standardized window ending at {@code origin} into {@code out} at {@code offset}. */
    static void window(float[][] standardized, int origin, int window, float[] out, int offset) {
        for (int i = origin - window + 1, k = offset; i <= origin; i++, k += FEATURES) {
            System.arraycopy(standardized[i], 0, out, k, FEATURES);
        }
    }
}
