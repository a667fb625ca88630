package dev.finflow.ml.arima;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A fitted ARIMA model with the Kalman state at the end of the series it was last conditioned on.
 * Immutable: {@link #conditionedOn(double[])} gives the same estimates filtered through a longer
 * history, which is how a walk-forward backtest forecasts between refits without re-estimating.
 */
public final class ArimaModel {

    private final Order order;
    private final Method method;
    private final ArmaFit fit;
    private final int observations;
    private final double[] state;
    private final double[][] stateCovariance;
    private final double[] tails;

    private ArimaModel(Order order, Method method, ArmaFit fit, int observations, double[] state,
                       double[][] stateCovariance, double[] tails) {
        this.order = order;
        this.method = method;
        this.fit = fit;
        this.observations = observations;
        this.state = state;
        this.stateCovariance = stateCovariance;
        this.tails = tails;
    }

    static ArimaModel create(double[] y, Order order, Method method, ArmaFit fit) {
        double[] w = Differencing.difference(y, order.d());
        KalmanFilter.Result filtered = KalmanFilter.run(
                new ArmaStateSpace(fit.ar(), fit.ma()), Arima.demean(w, fit.constant()));
        return new ArimaModel(order, method, fit, w.length, filtered.state(), filtered.covariance(),
                Differencing.lastValues(y, order.d()));
    }

    /** A model with given coefficients (no estimation), e.g. to forecast from R's estimates in tests. */
    static ArimaModel fromCoefficients(double[] y, Order order, double[] ar, double[] ma, double constant,
                                       double sigma2) {
        Arima.prepare(y, order);
        return create(y, order, Method.ML, new ArmaFit(ar.clone(), ma.clone(), constant, sigma2, Double.NaN,
                Double.NaN));
    }

    /** The same coefficients, filtered through y (oldest first; normally the training data plus newer values). */
    public ArimaModel conditionedOn(double[] y) {
        Arima.prepare(y, order);
        return create(y, order, method, fit);
    }

    /**
     * Forecasts 1..h steps after the last value, with central prediction intervals at {@code level}
     * (e.g. 0.95). Variances combine the state uncertainty left by the filter with the future shocks
     * pushed through the integration weights (psi weights of the differenced model).
     */
    public ArimaForecast forecast(int h, double level) {
        if (h < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need h >= 1 and 0 < level < 1");
        }
        ArmaStateSpace model = new ArmaStateSpace(fit.ar(), fit.ma());
        int r = model.r;
        double[] differenced = new double[h];
        double[][] rows = new double[h + 1][]; // rows[i] = Z T^i
        double[] psi = new double[h];          // psi[k] = Z T^k R
        double[] row = new double[r];
        row[0] = 1;
        rows[0] = row;
        for (int i = 1; i <= h; i++) {
            rows[i] = rowTimes(rows[i - 1], model.transition);
        }
        for (int i = 0; i < h; i++) {
            psi[i] = dot(rows[i], model.loading);
            differenced[i] = fit.constant() + dot(rows[i + 1], state);
        }
        double[] mean = Differencing.integrate(differenced, tails);
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        double[] se = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int step = 1; step <= h; step++) {
            double[] c = Differencing.integrationWeights(order.d(), step);
            double[] combined = new double[r];
            for (int i = 1; i <= step; i++) {
                for (int k = 0; k < r; k++) {
                    combined[k] += c[step - i] * rows[i][k];
                }
            }
            double variance = dot(combined, KalmanFilter.multiply(stateCovariance, combined));
            for (int j = 1; j <= step; j++) {
                double weight = 0;
                for (int i = j; i <= step; i++) {
                    weight += c[step - i] * psi[i - j];
                }
                variance += weight * weight;
            }
            se[step - 1] = Math.sqrt(Math.max(0, variance) * fit.sigma2());
            lower[step - 1] = mean[step - 1] - z * se[step - 1];
            upper[step - 1] = mean[step - 1] + z * se[step - 1];
        }
        return new ArimaForecast(mean, lower, upper, se, level);
    }

    private static double[] rowTimes(double[] row, double[][] m) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            for (int k = 0; k < row.length; k++) {
                out[j] += row[k] * m[k][j];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public Order order() {
        return order;
    }

    public Method method() {
        return method;
    }

    /** AR coefficients phi_1..phi_p (R's sign convention: w_t - mu = sum phi_i (w_{t-i} - mu) + ...). */
    public double[] ar() {
        return fit.ar().clone();
    }

    /** MA coefficients theta_1..theta_q (R's sign convention: ... + e_t + sum theta_j e_{t-j}). */
    public double[] ma() {
        return fit.ma().clone();
    }

    /** The mean of the d-times differenced series: R's "intercept" (mean for d = 0, drift for d = 1). */
    public double constant() {
        return fit.constant();
    }

    /** Innovation variance: sum of squares / (n - p) for CSS, the profiled ML estimate for ML (as R). */
    public double sigma2() {
        return fit.sigma2();
    }

    /** R's reported log-likelihood: conditional for CSS, exact Gaussian for ML. */
    public double logLikelihood() {
        return fit.logLikelihood();
    }

    /** -2 loglik + 2 (p + q + 2) for ML; NaN for CSS (as R, whose conditional likelihoods are not comparable). */
    public double aic() {
        return fit.aic();
    }

    /** Number of values the model was estimated on, after differencing. */
    public int observations() {
        return observations;
    }

    @Override
    public String toString() {
        return order + " " + method + " ar=" + java.util.Arrays.toString(fit.ar()) + " ma="
                + java.util.Arrays.toString(fit.ma()) + " constant=" + fit.constant() + " sigma2=" + fit.sigma2();
    }
}
