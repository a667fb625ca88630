package dev.finflow.ml.baselines;

import dev.finflow.ml.evaluation.Forecaster;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The last known value for every horizon (random walk without drift). Its interval assumes independent
 * changes with the training RMS change: last +- z * rms * sqrt(h).
 */
final class LastValue implements Forecaster {

    private final String name;

    LastValue(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Predictor fit(double[] training) {
        double sum = 0;
        for (int t = 1; t < training.length; t++) {
            double change = training[t] - training[t - 1];
            sum += change * change;
        }
        double rms = training.length > 1 ? Math.sqrt(sum / (training.length - 1)) : 0;
        return (history, h, level) -> {
            double last = history[history.length - 1];
            double half = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2) * rms * Math.sqrt(h);
            return new Prediction(last, last - half, last + half);
        };
    }
}
