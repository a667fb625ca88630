package dev.finflow.ml.arima;

/**
 * A fitted ARIMA model with the Kalman state at the end of the series it was last conditioned on.
 * Immutable: {@link #conditionedOn(double[])} gives the same estimates filtered through a longer
 * history, which is how a walk-forward backtest forecasts between refits without re-estimating.
 */
public final class ArimaModel {

    private final Order order;
    private final Method method;
    private final ArmaFit fit;
    private final ArmaStateSpace stateSpace;
    private final int observations;
    private final double[] state;
    private final double[][] stateCovariance;
    private final double[] tails;

    private ArimaModel(Order order, Method method, ArmaFit fit, ArmaStateSpace stateSpace, int observations,
                       double[] state, double[][] stateCovariance, double[] tails) {
        this.order = order;
        this.method = method;
        this.fit = fit;
        this.stateSpace = stateSpace;
        this.observations = observations;
        this.state = state;
        this.stateCovariance = stateCovariance;
        this.tails = tails;
    }

    static ArimaModel create(double[] y, Order order, Method method, ArmaFit fit) {
        return create(y, order, method, fit, new ArmaStateSpace(fit.ar(), fit.ma()));
    }

    private static ArimaModel create(double[] y, Order order, Method method, ArmaFit fit, ArmaStateSpace space) {
        double[] w = Differencing.difference(y, order.d());
        KalmanFilter.Result filtered = KalmanFilter.run(space, w, fit.constant());
        return new ArimaModel(order, method, fit, space, w.length, filtered.state(), filtered.covariance(),
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
        return create(y, order, method, fit, stateSpace);
    }

    /**
     * {@link #conditionedOn} each of the first {@code lengths[i]} values of y (ascending), from one pass of the
     * filter: a backtest's origins all lie on one history, and the filter's state after k values depends on those k
     * values only, so every model equals the one {@code conditionedOn(Arrays.copyOf(y, lengths[i]))} gives.
     */
    public java.util.List<ArimaModel> conditionedOnPrefixes(double[] y, int[] lengths) {
        java.util.List<ArimaModel> models = new java.util.ArrayList<>(lengths.length);
        if (lengths.length == 0) {
            return models;
        }
        Arima.prepare(java.util.Arrays.copyOf(y, lengths[0]), order);
        Arima.prepare(y, order);
        int[] counts = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] > y.length || (i > 0 && lengths[i] < lengths[i - 1])) {
                throw new IllegalArgumentException("prefix lengths must ascend up to " + y.length);
            }
            counts[i] = lengths[i] - order.d();
        }
        double[] w = Differencing.difference(y, order.d());
        KalmanFilter.State[] states = KalmanFilter.states(stateSpace, w, fit.constant(), counts);
        for (int i = 0; i < lengths.length; i++) {
            models.add(new ArimaModel(order, method, fit, stateSpace, counts[i], states[i].state(),
                    states[i].covariance(), Differencing.lastValues(java.util.Arrays.copyOf(y, lengths[i]),
                    order.d())));
        }
        return models;
    }

    /**
     * Forecasts 1..h steps after the last value, with central prediction intervals at {@code level}
     * (e.g. 0.95). Variances combine the state uncertainty left by the filter with the future shocks
     * pushed through the integration weights (psi weights of the differenced model), as R's predict().
     */
    public ArimaForecast forecast(int h, double level) {
        if (h < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need h >= 1 and 0 < level < 1");
        }
        return StateForecast.forecast(stateSpace, order.d(), fit.constant(),
                fit.sigma2(), state, stateCovariance, tails, h, level);
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

    /** -2 loglik + 2 (p + q + 1 for the constant if any + 1 for sigma^2) for ML; NaN for CSS (as R, whose conditional likelihoods are not comparable). */
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
