package dev.finflow.ml.anomalies.domain;

import java.util.Arrays;

/**
 * Robust z-score against a history: (x - median) / (1.4826 * MAD). Median and MAD ignore the very outliers a
 * mean and standard deviation would be dragged by, so one crash does not hide the next. A floor on the MAD
 * keeps a perfectly regular history (the same deposit every month) from calling every other amount infinite.
 */
public record RobustScore(double median, double mad, double score) {

    public static RobustScore of(double x, double[] history, double madFloor) {
        double median = median(history.clone());
        double[] deviations = new double[history.length];
        for (int i = 0; i < history.length; i++) {
            deviations[i] = Math.abs(history[i] - median);
        }
        double mad = Math.max(median(deviations), madFloor);
        return new RobustScore(median, mad, (x - median) / (1.4826 * mad));
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
