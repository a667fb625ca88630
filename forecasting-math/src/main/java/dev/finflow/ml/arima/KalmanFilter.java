package dev.finflow.ml.arima;

/**
 * The Kalman filter of R's {@code ARIMA_Like} for a zero-mean ARMA in state-space form, run with unit
 * disturbance variance so that sigma^2 can be profiled out of the likelihood: it yields the one-step
 * innovations v_t with their relative variances F_t, and the filtered state at the end of the data
 * (the starting point of forecasts).
 *
 * <p>The order search runs this filter thousands of times per series, so it works in place on the sparse
 * transition (AR coefficients in the first column, ones on the superdiagonal): the same products and sums, in
 * the same order, as the dense T a and T P T' + R R' without the terms that are exact zeros.
 */
final class KalmanFilter {

    /** Innovations, their variances (units of sigma^2) and the final filtered state and covariance. */
    record Result(double[] innovations, double[] variances, double[] state, double[][] covariance) {

        /** R's concentrated Gaussian log-likelihood: -0.5 (n log(2 pi s2) + sum log F + n), s2 = sum v^2/F / n. */
        double concentratedLogLikelihood() {
            int n = innovations.length;
            return -0.5 * (n * Math.log(2 * Math.PI * sigma2()) + sumLogVariances() + n);
        }

        double sigma2() {
            double sum = 0;
            for (int t = 0; t < innovations.length; t++) {
                sum += innovations[t] * innovations[t] / variances[t];
            }
            return sum / innovations.length;
        }

        double sumLogVariances() {
            double sum = 0;
            for (double f : variances) {
                sum += Math.log(f);
            }
            return sum;
        }
    }

    /** The filtered state and covariance after the first {@code count} values: where forecasts from there start. */
    record State(int count, double[] state, double[][] covariance) {
    }

    /**
     * Once the predicted covariance stops changing (to 1e-13, in units of sigma^2) the filter has reached
     * its steady state and the covariance recursion is skipped: the innovations then differ from R's
     * full recursion by less than rounding, and long series filter several times faster.
     */
    private static final double STEADY = 1e-13;

    private KalmanFilter() {
    }

    /** Filters w - mean (w: the differenced series). */
    static Result run(ArmaStateSpace model, double[] w, double mean) {
        return run(model, w, mean, new int[0], new State[0]);
    }

    /** The filtered states after the first counts[i] values of w - mean, from one pass (counts ascending). */
    static State[] states(ArmaStateSpace model, double[] w, double mean, int[] counts) {
        State[] states = new State[counts.length];
        run(model, w, mean, counts, states);
        return states;
    }

    private static Result run(ArmaStateSpace model, double[] w, double mean, int[] counts, State[] states) {
        int r = model.r;
        double[] phi = model.arColumn;
        double[] loading = model.loading;
        int n = counts.length == 0 ? w.length : counts[counts.length - 1];
        double[] a = new double[r];
        double[][] p = copy(model.initialCovariance);
        double[][] next = new double[r][r];
        double[][] tp = new double[r][r];
        double[] v = new double[n];
        double[] f = new double[n];
        double[] filtered = new double[r];
        double[][] filteredCov = new double[r][r];
        boolean steady = false;
        int snapshot = 0;
        while (snapshot < counts.length && counts[snapshot] == 0) {
            states[snapshot++] = new State(0, filtered.clone(), copy(model.initialCovariance));
        }
        for (int step = 0; step < n; step++) {
            if (step > 0) {
                for (int i = 0; i < r; i++) { // a = T filtered
                    a[i] = phi[i] * filtered[0] + (i + 1 < r ? filtered[i + 1] : 0);
                }
                if (!steady) {
                    double change = predictCovariance(phi, filteredCov, loading, tp, next, p);
                    steady = step > r && change < STEADY;
                    double[][] swap = p;
                    p = next;
                    next = swap;
                }
            }
            double innovation = (w[step] - mean) - a[0];
            double variance = p[0][0];
            v[step] = innovation;
            f[step] = variance;
            for (int i = 0; i < r; i++) {
                filtered[i] = a[i] + p[i][0] * innovation / variance;
                if (!steady) {
                    for (int j = 0; j < r; j++) {
                        filteredCov[i][j] = p[i][j] - p[i][0] * p[0][j] / variance;
                    }
                }
            }
            while (snapshot < counts.length && counts[snapshot] == step + 1) {
                states[snapshot++] = new State(step + 1, filtered.clone(), copy(filteredCov));
            }
        }
        if (n == 0) {
            filteredCov = copy(model.initialCovariance);
        }
        return new Result(v, f, filtered.clone(), copy(filteredCov));
    }

    static double[] multiply(double[][] m, double[] vector) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (int j = 0; j < vector.length; j++) {
                sum += m[i][j] * vector[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * out = T P T' + R R' for T with first column phi and ones on the superdiagonal (tp: scratch for T P); returns
     * the largest change from {@code previous}, the last predicted covariance.
     */
    private static double predictCovariance(double[] phi, double[][] p, double[] loading, double[][] tp,
                                            double[][] out, double[][] previous) {
        int r = loading.length;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                tp[i][j] = phi[i] * p[0][j] + (i + 1 < r ? p[i + 1][j] : 0);
            }
        }
        double change = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                out[i][j] = loading[i] * loading[j] + tp[i][0] * phi[j] + (j + 1 < r ? tp[i][j + 1] : 0);
                change = Math.max(change, Math.abs(out[i][j] - previous[i][j]));
            }
        }
        return change;
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
