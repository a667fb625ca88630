package dev.finflow.ml.arima;

/**
 * Stationarity of an AR polynomial through its partial autocorrelations (step-down Durbin-Levinson):
 * all roots lie outside the unit circle exactly when every partial autocorrelation is inside (-1, 1).
 * The same map, run forwards from tanh of free numbers, is how the ML optimiser stays stationary (R's
 * {@code transform.pars}).
 */
final class Stationarity {

    private Stationarity() {
    }

    static boolean isStationary(double[] ar) {
        double[] pacf = partialAutocorrelations(ar);
        for (double value : pacf) {
            if (!(Math.abs(value) < 1.0)) {
                return false;
            }
        }
        return true;
    }

    /** AR coefficients to partial autocorrelations; NaN where the step-down divides by zero. */
    static double[] partialAutocorrelations(double[] ar) {
        int p = ar.length;
        double[] current = ar.clone();
        double[] pacf = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double a = current[k];
            pacf[k] = a;
            if (Math.abs(a) >= 1.0) {
                java.util.Arrays.fill(pacf, 0, k, Double.NaN);
                return pacf;
            }
            double[] next = new double[k];
            for (int j = 0; j < k; j++) {
                next[j] = (current[j] + a * current[k - 1 - j]) / (1.0 - a * a);
            }
            current = next;
        }
        return pacf;
    }

    /** Partial autocorrelations to AR coefficients (Durbin-Levinson recursion). */
    static double[] fromPartialAutocorrelations(double[] pacf) {
        int p = pacf.length;
        double[] ar = new double[p];
        for (int k = 0; k < p; k++) {
            double[] previous = ar.clone();
            ar[k] = pacf[k];
            for (int j = 0; j < k; j++) {
                ar[j] = previous[j] - pacf[k] * previous[k - 1 - j];
            }
        }
        return ar;
    }
}
