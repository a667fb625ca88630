package dev.finflow.ml.arima;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits ARIMA(p, d, q) models with a constant, the way R's {@code stats::arima} does on the d-times
 * differenced series with {@code include.mean = TRUE}: w_t - mu follows an ARMA(p, q), so for d = 0 the
 * constant is the mean and for d = 1 it is the drift. Checked against R by {@code ArimaReferenceTest}.
 *
 * <p>Plain Java on commons-math3, no Spring: the ml-projector service, the walk-forward evaluation and the
 * benchmarks all call it directly.
 */
public final class Arima {

    private Arima() {
    }

    /**
     * Estimates the model on y (oldest first). ML starts from the CSS estimates (R's default "CSS-ML")
     * and keeps the AR part stationary through partial autocorrelations, as R's {@code transform.pars}.
     *
     * @throws IllegalArgumentException when y is too short for the order or holds a non-finite value
     */
    public static ArimaModel fit(double[] y, Order order, Method method) {
        return fit(y, order, method, true);
    }

    /**
     * As {@link #fit(double[], Order, Method)}, or with the constant fixed at zero when
     * {@code includeConstant} is false (R's {@code include.mean = FALSE}): a zero-mean ARMA for returns, a
     * driftless ARIMA for prices.
     */
    public static ArimaModel fit(double[] y, Order order, Method method, boolean includeConstant) {
        double[] w = prepare(y, order);
        ArmaFit css = fitCss(w, order, includeConstant);
        ArmaFit fit = method == Method.CSS ? css : MaximumLikelihood.fit(w, order, css, includeConstant);
        return ArimaModel.create(y, order, method, fit);
    }

    /**
     * Minimises over (ar, ma, constant), or over (ar, ma) with the constant held at zero; null when the
     * optimiser gives up from this start.
     */
    static double[] optimise(java.util.function.Function<double[], double[]> residuals, double[] start,
                             boolean includeConstant) {
        if (includeConstant) {
            return LeastSquares.minimiseOrNull(residuals, start);
        }
        int k = start.length - 1;
        double[] best = LeastSquares.minimiseOrNull(x -> residuals.apply(Arrays.copyOf(x, k + 1)),
                Arrays.copyOf(start, k));
        return best == null ? null : Arrays.copyOf(best, k + 1);
    }

    /**
     * The exact Gaussian log-likelihood (sigma^2 profiled out, as R reports it) of y under given
     * coefficients, through the Kalman filter; what R's {@code loglik} is at R's ML estimates.
     */
    public static double logLikelihood(double[] y, Order order, double[] ar, double[] ma, double constant) {
        double[] w = prepare(y, order);
        if (ar.length != order.p() || ma.length != order.q()) {
            throw new IllegalArgumentException("coefficients do not match " + order);
        }
        return KalmanFilter.run(new ArmaStateSpace(ar, ma), w, constant).concentratedLogLikelihood();
    }

    static double[] prepare(double[] y, Order order) {
        for (double value : y) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("series holds a non-finite value");
            }
        }
        int needed = order.d() + order.p() + order.q() + 3;
        if (y.length < needed) {
            throw new IllegalArgumentException(order + " needs at least " + needed + " values, got " + y.length);
        }
        return Differencing.difference(y, order.d());
    }

    private static ArmaFit fitCss(double[] w, Order order, boolean includeConstant) {
        int p = order.p();
        int q = order.q();
        double mean = includeConstant ? Arrays.stream(w).average().orElse(0) : 0;
        double[] zero = new double[p + q + 1];
        zero[p + q] = mean;
        List<double[]> starts = new ArrayList<>(List.of(zero));
        starts.addAll(Starts.spread(p, q, mean));
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            double[] candidate = optimise(x -> cssResiduals(w, x, p, q), start, includeConstant);
            if (candidate == null) {
                continue;
            }
            double cost = ConditionalSumOfSquares.sumOfSquares(cssResiduals(w, candidate, p, q));
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("conditional sum of squares did not converge for " + order);
        }
        double[] residuals = cssResiduals(w, best, p, q);
        int n = w.length;
        double sigma2 = ConditionalSumOfSquares.sumOfSquares(residuals) / residuals.length;
        double logLik = -0.5 * (n * Math.log(sigma2) + n + n * Math.log(2 * Math.PI));
        return new ArmaFit(ArmaFit.ar(best, p), ArmaFit.ma(best, p, q), best[p + q], sigma2, logLik, Double.NaN);
    }

    private static double[] cssResiduals(double[] w, double[] x, int p, int q) {
        return ConditionalSumOfSquares.residuals(w, x[p + q], ArmaFit.ar(x, p), ArmaFit.ma(x, p, q));
    }
}
