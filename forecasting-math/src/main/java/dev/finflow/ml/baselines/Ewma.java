package dev.finflow.ml.baselines;

import dev.finflow.ml.evaluation.Forecaster;

/**
 * m_t = lambda m_{t-1} + (1 - lambda) x_t over the whole known history, started at the mean of its first
 * 20 values; the forecast for every horizon is the last m. Applied to absolute returns it is the EWMA
 * volatility baseline in the units of the target (no normal-distribution rescaling, which would bias it
 * against an MAE comparison). No parameters to estimate; no intervals.
 */
final class Ewma implements Forecaster {

    private static final int WARM_UP = 20;

    private final double lambda;

    Ewma(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1)");
        }
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "EWMA(" + lambda + ")";
    }

    @Override
    public Predictor fit(double[] training) {
        return (history, h, level) -> Prediction.point(smooth(history, lambda));
    }

    static double smooth(double[] history, double lambda) {
        int warmUp = Math.min(WARM_UP, history.length);
        double level = 0;
        for (int t = 0; t < warmUp; t++) {
            level += history[t] / warmUp;
        }
        for (double value : history) {
            level = lambda * level + (1 - lambda) * value;
        }
        return level;
    }
}
