package dev.finflow.ml.features;

/** Trailing-window statistics: every value at index i reads indices up to i only. NaN marks "not yet". */
final class Windows {

    private Windows() {
    }

    static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Mean of the {@code n} values ending at {@code i}, or null while fewer than {@code n} exist. */
    static Double mean(double[] x, int i, int n) {
        if (i + 1 < n) {
            return null;
        }
        double sum = 0;
        for (int k = i - n + 1; k <= i; k++) {
            sum += x[k];
        }
        return sum / n;
    }

    /** Standard deviation of the {@code n} values ending at {@code i} (sample when {@code sample}, else population). */
    static Double std(double[] x, int i, int n, boolean sample) {
        Double mean = mean(x, i, n);
        if (mean == null) {
            return null;
        }
        double ss = 0;
        for (int k = i - n + 1; k <= i; k++) {
            ss += (x[k] - mean) * (x[k] - mean);
        }
        return Math.sqrt(ss / (sample ? n - 1 : n));
    }

    /**
     * Exponential moving average with alpha 2/(n+1), seeded with the simple mean of the first {@code n} defined
     * values (the usual convention for MACD); NaN inputs before the first defined value are skipped.
     */
    static double[] ema(double[] x, int n) {
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NaN);
        double alpha = 2.0 / (n + 1);
        int defined = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            defined++;
            if (defined < n) {
                sum += x[i];
            } else if (defined == n) {
                out[i] = (sum + x[i]) / n;
            } else {
                out[i] = alpha * x[i] + (1 - alpha) * out[i - 1];
            }
        }
        return out;
    }

    /** Wilder's RSI over {@code n} changes: the first average is simple, later ones smoothed by (n-1)/n. */
    static double[] rsi(double[] close, int n) {
        double[] out = new double[close.length];
        java.util.Arrays.fill(out, Double.NaN);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < close.length; i++) {
            double change = close[i] - close[i - 1];
            double up = Math.max(change, 0);
            double down = Math.max(-change, 0);
            if (i <= n) {
                gain += up / n;
                loss += down / n;
            } else {
                gain = (gain * (n - 1) + up) / n;
                loss = (loss * (n - 1) + down) / n;
            }
            if (i >= n) {
                out[i] = loss == 0 ? 100.0 : 100.0 - 100.0 / (1 + gain / loss);
            }
        }
        return out;
    }
}
