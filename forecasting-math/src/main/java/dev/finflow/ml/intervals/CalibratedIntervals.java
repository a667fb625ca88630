package dev.finflow.ml.intervals;

import java.util.Arrays;

/**
 * Walk-forward calibration of one forecaster's intervals at one horizon, without look-ahead: the interval of the
 * forecast made at origin t uses only errors whose realised value was known at t (origin + h <= t), the newest
 * {@code window} of them, each divided by the scale known at its own origin. The same rule the service applies
 * to its held-out days, and the benchmark and the coverage tests to whole histories.
 */
public final class CalibratedIntervals {

    /** Past errors an interval needs before it is given at all (fewer leave it NaN and uncounted). */
    public static final int MIN_ERRORS = 40;

    private CalibratedIntervals() {
    }

    /**
     * @param origins   index of each forecast's origin, increasing
     * @param forecasts point forecasts
     * @param actuals   realised values (origin + horizon)
     * @param scales    the error scale known at each origin ({@link Volatility#scale})
     * @param window    newest errors used (0 = all known)
     */
    public static Result walkForward(int[] origins, double[] forecasts, double[] actuals, double[] scales,
                                     int horizon, double level, int window) {
        int n = origins.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.abs(actuals[i] - forecasts[i]) / scales[i];
        }
        int inside = 0;
        int counted = 0;
        SortedWindow past = new SortedWindow(n);
        int known = 0; // errors 0..known-1 are realised at the current origin
        int from = 0;
        for (int i = 0; i < n; i++) {
            while (known < i && origins[known] + horizon <= origins[i]) {
                past.add(scaled[known++]);
            }
            while (window > 0 && known - from > window) {
                past.remove(scaled[from++]);
            }
            if (past.size() < MIN_ERRORS) {
                continue;
            }
            double q = past.conformalQuantile(level);
            lower[i] = forecasts[i] - q * scales[i];
            upper[i] = forecasts[i] + q * scales[i];
            counted++;
            if (actuals[i] >= lower[i] && actuals[i] <= upper[i]) {
                inside++;
            }
        }
        return new Result(lower, upper, new Coverage(inside, counted));
    }

    /** The known scaled errors in order, so that each origin's quantile costs a shift rather than a sort. */
    private static final class SortedWindow {

        private final double[] values;
        private int size;

        SortedWindow(int capacity) {
            values = new double[capacity];
        }

        void add(double value) {
            int at = Arrays.binarySearch(values, 0, size, value);
            at = at < 0 ? -at - 1 : at;
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = value;
            size++;
        }

        void remove(double value) {
            int at = Arrays.binarySearch(values, 0, size, value);
            System.arraycopy(values, at + 1, values, at, size - at - 1);
            size--;
        }

        int size() {
            return size;
        }

        double conformalQuantile(double level) {
            int k = (int) Math.ceil((size + 1) * level);
            return k > size ? Double.POSITIVE_INFINITY : values[k - 1];
        }
    }

    /** Each forecast's calibrated bounds (NaN before enough errors were known) and their coverage. */
    public record Result(double[] lower, double[] upper, Coverage coverage) {
    }
}
