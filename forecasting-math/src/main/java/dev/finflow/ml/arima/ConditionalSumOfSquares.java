package dev.finflow.ml.arima;

/**
 * Residuals of R's {@code ARIMA_CSS}: the first p values are conditioned on (residual 0, not counted),
 * earlier residuals before that start are taken as zero, the rest follow the ARMA recursion.
 */
final class ConditionalSumOfSquares {

    private ConditionalSumOfSquares() {
    }

    /** Residuals for t = p .. n-1 of w - mean (length n - p). */
    static double[] residuals(double[] w, double mean, double[] ar, double[] ma) {
        int p = ar.length;
        int q = ma.length;
        int n = w.length;
        double[] full = new double[n];
        double[] out = new double[Math.max(0, n - p)];
        for (int t = p; t < n; t++) {
            double e = w[t] - mean;
            for (int j = 0; j < p; j++) {
                e -= ar[j] * (w[t - j - 1] - mean);
            }
            int lags = Math.min(t - p, q);
            for (int j = 0; j < lags; j++) {
                e -= ma[j] * full[t - j - 1];
            }
            full[t] = e;
            out[t - p] = e;
        }
        return out;
    }

    static double sumOfSquares(double[] residuals) {
        double sum = 0;
        for (double e : residuals) {
            sum += e * e;
        }
        return sum;
    }
}
