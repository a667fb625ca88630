package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;
import java.util.Locale;

/**
 * The naive yardsticks: random walk (tomorrow's return is zero, the close stays), yesterday's absolute return,
 * and RiskMetrics EWMA(0.94) volatility. They have nothing to learn, so "training" only records the parameters.
 * Intervals: normal for returns and log prices, half-normal for absolute returns, scaled by EWMA volatility.
 */
final class Baselines {

    private static final double HALF_NORMAL_MEAN = Math.sqrt(2 / Math.PI);

    private Baselines() {
    }

    record Trainer(ModelKind kind, double level) implements ModelTrainer {

        @Override
        public boolean supports(Target target) {
            return switch (kind) {
                case RANDOM_WALK -> target != Target.ABS_RETURN;
                case YESTERDAY, EWMA -> target == Target.ABS_RETURN;
                default -> false;
            };
        }

        @Override
        public ForecastModel train(List<FeatureRow> rows, Target target) {
            return new Model(kind, target, level);
        }

        @Override
        public ForecastModel restore(Target target, String params, byte[] artifact) {
            return new Model(kind, target, level);
        }
    }

    record Model(ModelKind kind, Target target, double level) implements ForecastModel {

        @Override
        public Prediction predict(List<FeatureRow> rows, int origin, int horizon) {
            double sigma = Volatility.ewma(rows, origin, Volatility.LAMBDA);
            double z = Intervals.z(level);
            FeatureRow last = rows.get(origin);
            return switch (target) {
                case LOG_RETURN -> new Prediction(0, -z * sigma, z * sigma);
                case CLOSE -> new Prediction(last.close(), last.close() * Math.exp(-z * sigma * Math.sqrt(horizon)),
                        last.close() * Math.exp(z * sigma * Math.sqrt(horizon)));
                case ABS_RETURN -> {
                    double point = kind == ModelKind.YESTERDAY
                            ? Math.abs(last.logReturn() == null ? 0 : last.logReturn())
                            : HALF_NORMAL_MEAN * sigma;
                    yield new Prediction(point, sigma * Intervals.z(0.5 - level / 2),
                            sigma * Intervals.z(0.5 + level / 2));
                }
            };
        }

        @Override
        public String params() {
            return kind == ModelKind.EWMA
                    ? String.format(Locale.ROOT, "{\"lambda\":%s,\"intervalLevel\":%s}", Volatility.LAMBDA, level)
                    : String.format(Locale.ROOT, "{\"intervalLevel\":%s}", level);
        }
    }
}
