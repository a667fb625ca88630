package dev.finflow.ml.arima;

/**
 * Exact Gaussian ML. The free parameters are atanh of the partial autocorrelations of the AR part
 * (stationary by construction) and of the negated MA part (invertible by construction), and the constant. The concentrated likelihood
 * n log(sum v^2/F / n) + sum log F is minimised as the sum of squares of v_t / sqrt(F_t) * g, with g the
 * geometric mean of sqrt(F_t).
 */
final class MaximumLikelihood {

    /** Keeps tanh away from exactly +-1, where the stationary covariance does not exist. */
    private static final double MAX_FREE = 7.0;

    private MaximumLikelihood() {
    }

    static ArmaFit fit(double[] w, Order order, ArmaFit css, boolean includeConstant) {
        int p = order.p();
        int q = order.q();
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] start : Starts.of(css, p, q)) {
            double[] free = toFree(start, p);
            double[] candidate = Arima.optimise(x -> scaledInnovations(w, x, p, q), free, includeConstant);
            if (candidate == null) {
                continue;
            }
            double cost = ConditionalSumOfSquares.sumOfSquares(scaledInnovations(w, candidate, p, q));
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("maximum likelihood did not converge for " + order);
        }
        double[] ar = toAr(best, p);
        double[] ma = toMa(best, p, q);
        double constant = best[p + q];
        KalmanFilter.Result result = KalmanFilter.run(new ArmaStateSpace(ar, ma), w, constant);
        double logLik = result.concentratedLogLikelihood();
        double aic = -2 * logLik + 2 * (p + q + 1 + (includeConstant ? 1 : 0));
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
        double[] negatedMa = new double[coefficients.length - p - 1];
        for (int j = 0; j < negatedMa.length; j++) {
            negatedMa[j] = -coefficients[p + j];
        }
        boolean invertible = Stationarity.isStationary(negatedMa);
        double[] maPacf = Stationarity.partialAutocorrelations(negatedMa);
        for (int j = 0; j < negatedMa.length; j++) {
            free[p + j] = invertible ? atanh(Math.max(-0.99, Math.min(0.99, maPacf[j]))) : 0.0;
        }
        return free;
    }

    private static double[] scaledInnovations(double[] w, double[] x, int p, int q) {
        KalmanFilter.Result result = KalmanFilter.run(new ArmaStateSpace(toAr(x, p), toMa(x, p, q)), w, x[p + q]);
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
        return fromFree(x, 0, p);
    }

    /**
     * The MA part is kept invertible the same way (1 + theta(B) is invertible exactly when -theta is a
     * stationary AR polynomial): every non-invertible MA has an invertible twin with the same likelihood,
     * and without the constraint the optimiser wanders along that ridge. R instead inverts afterwards.
     */
    private static double[] toMa(double[] x, int p, int q) {
        double[] negated = fromFree(x, p, q);
        for (int j = 0; j < q; j++) {
            negated[j] = -negated[j];
        }
        return negated;
    }

    private static double[] fromFree(double[] x, int from, int count) {
        double[] pacf = new double[count];
        for (int i = 0; i < count; i++) {
            pacf[i] = Math.tanh(Math.max(-MAX_FREE, Math.min(MAX_FREE, x[from + i])));
        }
        return Stationarity.fromPartialAutocorrelations(pacf);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
