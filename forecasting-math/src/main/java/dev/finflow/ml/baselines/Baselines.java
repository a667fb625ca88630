package dev.finflow.ml.baselines;

import dev.finflow.ml.evaluation.Forecaster;

/**
 * The naive forecasts every model must beat before it is called useful: for log returns the random
 * walk's zero, for prices the last price, for volatility (absolute returns) yesterday's value and an
 * exponentially weighted average.
 */
public final class Baselines {

    /** RiskMetrics' daily decay. */
    public static final double RISKMETRICS_LAMBDA = 0.94;

    private Baselines() {
    }

    /** Random walk for log returns: the next return is forecast as 0, intervals from the training spread. */
    public static Forecaster zeroReturn() {
        return new ConstantForecaster("random walk (0)");
    }

    /** Random walk for prices: the last price, intervals widening with sqrt(h) from the training changes. */
    public static Forecaster lastPrice() {
        return new LastValue("random walk (last price)");
    }

    /** Yesterday's value, e.g. yesterday's absolute return as tomorrow's. */
    public static Forecaster yesterday() {
        return new LastValue("yesterday's value");
    }

    /** EWMA of the series itself with decay {@code lambda}; for absolute returns, EWMA(0.94) volatility. */
    public static Forecaster ewma(double lambda) {
        return new Ewma(lambda);
    }
}
