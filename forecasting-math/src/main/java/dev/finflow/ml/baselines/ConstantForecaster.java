package dev.finflow.ml.baselines;

import dev.finflow.ml.evaluation.Forecaster;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Forecasts 0 for every horizon (a log return under the random walk), interval +-z times the training RMS. */
final class ConstantForecaster implements Forecaster {

    private final String name;

    ConstantForecaster(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Predictor fit(double[] training) {
        double sum = 0;
        for (double value : training) {
            sum += value * value;
        }
        double scale = Math.sqrt(sum / training.length);
        return (history, h, level) -> {
            double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
            return new Prediction(0.0, -z * scale, z * scale);
        };
    }
}
