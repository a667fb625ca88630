package dev.finflow.ml.arima;

/**
 * The Kalman filter of R's {@code ARIMA_Like} for a zero-mean ARMA in state-space form, run with unit
 * disturbance variance so that sigma^2 can be profiled out of the likelihood: it yields the one-step
 * innovations v_t with their relative variances F_t, and the filtered state at the end of the data
 * (the starting point of forecasts).
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

    /**
     * Once the predicted covariance stops changing (to 1e-13, in units of sigma^2) the filter has reached
     * its steady state and the covariance recursion is skipped: the innovations then differ from R's
     * full recursion by less than rounding, and long series filter several times faster.
     */
    private static final double STEADY = 1e-13;

    private KalmanFilter() {
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    static Result run(ArmaStateSpace model, double[] x) {
        int r = model.r;
        double[][] t = model.transition;
        double[] loading = model.loading;
        double[] a = new double[r];
        double[][] p = copy(model.initialCovariance);
        double[] v = new double[x.length];
        double[] f = new double[x.length];
        double[] filtered = new double[r];
        double[][] filteredCov = new double[r][r];
        boolean steady = false;
        for (int step = 0; step < x.length; step++) {
            if (step > 0) {
                a = multiply(t, filtered);
                if (!steady) {
                    double[][] next = predictCovariance(t, filteredCov, loading);
                    steady = step > r && maxDifference(next, p) < STEADY;
                    p = next;
                }
            }
            double innovation = x[step] - a[0];
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
        }
        if (x.length == 0) {
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

    /** T P T' + R R'. */
    static double[][] predictCovariance(double[][] t, double[][] p, double[] loading) {
        int r = loading.length;
        double[][] tp = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double sum = 0;
                for (int k = 0; k < r; k++) {
                    sum += t[i][k] * p[k][j];
                }
                tp[i][j] = sum;
            }
        }
        double[][] out = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double sum = loading[i] * loading[j];
                for (int k = 0; k < r; k++) {
                    sum += tp[i][k] * t[j][k];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
