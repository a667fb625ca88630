package dev.finflow.ml.arima;

/**
 * Exact Gaussian ML. The free parameters are atanh of the AR partial autocorrelations (stationary by
 * construction), the MA coefficients and the constant. The concentrated likelihood
 * n log(sum v^2/F / n) + sum log F is minimised as the sum of squares of v_t / sqrt(F_t) * g, with g the
 * geometric mean of sqrt(F_t).
 */
final class MaximumLikelihood {

    /** Keeps tanh away from exactly +-1, where the stationary covariance does not exist. */
    private static final double MAX_FREE = 7.0;

    private MaximumLikelihood() {
    }

    static ArmaFit fit(double[] w, Order order, ArmaFit css) {
        int p = order.p();
        int q = order.q();
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] start : Starts.of(css, p, q)) {
            double[] free = toFree(start, p);
            double[] candidate = LeastSquares.minimise(x -> scaledInnovations(w, x, p, q), free);
            double cost = ConditionalSumOfSquares.sumOfSquares(scaledInnovations(w, candidate, p, q));
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        double[] ar = toAr(best, p);
        double[] ma = ArmaFit.ma(best, p, q);
        if (q == 1 && Math.abs(ma[0]) > 1) {
            ma[0] = 1 / ma[0]; // R's maInvert: same likelihood, the invertible representation
        }
        double constant = best[p + q];
        KalmanFilter.Result result = KalmanFilter.run(new ArmaStateSpace(ar, ma), Arima.demean(w, constant));
        double logLik = result.concentratedLogLikelihood();
        double aic = -2 * logLik + 2 * (p + q + 2);
        return new ArmaFit(ar, ma, constant, result.sigma2(), logLik, aic);
    }

    /** Coefficients (ar, ma, constant) to the optimiser's free parameters. */
    private static double[] toFree(double[] coefficients, int p) {
        double[] free = coefficients.clone();
        double[] ar = java.util.Arrays.copyOfRange(coefficients, 0, p);
        boolean stationary = Stationarity.isStationary(ar);
        double[] pacf = Stationarity.partialAutocorrelations(ar);
        for (int i = 0; i < p; i++) {
            free[i] = stationary ? atanh(Math.max(-0.99, Math.min(0.99, pacf[i]))) : 0.0;
        }
        return free;
    }

    private static double[] scaledInnovations(double[] w, double[] x, int p, int q) {
        KalmanFilter.Result result = KalmanFilter.run(
                new ArmaStateSpace(toAr(x, p), ArmaFit.ma(x, p, q)), Arima.demean(w, x[p + q]));
        double[] v = result.innovations();
        double[] f = result.variances();
        double scale = Math.exp(0.5 * result.sumLogVariances() / v.length);
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            out[t] = v[t] / Math.sqrt(f[t]) * scale;
        }
        return out;
    }

    private static double[] toAr(double[] x, int p) {
        double[] pacf = new double[p];
        for (int i = 0; i < p; i++) {
            pacf[i] = Math.tanh(Math.max(-MAX_FREE, Math.min(MAX_FREE, x[i])));
        }
        return Stationarity.fromPartialAutocorrelations(pacf);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
