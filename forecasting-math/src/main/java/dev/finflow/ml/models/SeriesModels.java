package dev.finflow.ml.models;

import dev.finflow.ml.evaluation.Forecaster;
import dev.finflow.ml.features.FeatureRow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The baselines (dev.finflow.ml.baselines) as registry models: each is an evaluation {@link Forecaster} fitted
 * on the target's series of the training rows. The stored artifact is that training series: the methods are
 * deterministic, so refitting on it restores exactly the estimates that were registered.
 */
final class SeriesModels {

    private SeriesModels() {
    }

    record Trainer(ModelKind kind, Set<Target> targets, Function<Target, Forecaster> method, double level)
            implements ModelTrainer {

        @Override
        public boolean supports(Target target) {
            return targets.contains(target);
        }

        @Override
        public ForecastModel train(List<FeatureRow> rows, Target target) {
            return fit(target, Series.upTo(rows, rows.size() - 1, target));
        }

        @Override
        public ForecastModel restore(Target target, String params, byte[] artifact) {
            return fit(target, Series.values(artifact));
        }

        private ForecastModel fit(Target target, double[] training) {
            Forecaster forecaster = method.apply(target);
            return new Model(kind, target, forecaster.name(), forecaster.fit(training), training, level);
        }
    }

    record Model(ModelKind kind, Target target, String method, Forecaster.Predictor predictor, double[] training,
                 double level) implements ForecastModel {

        @Override
        public Prediction predict(List<FeatureRow> rows, int origin, int horizon) {
            Forecaster.Prediction p = predictor.predict(Series.upTo(rows, origin, target), horizon, level);
            double lower = target == Target.ABS_RETURN ? Math.max(0, p.lower()) : p.lower();
            return new Prediction(p.mean(), lower, p.upper());
        }

        @Override
        public String params() {
            return String.format(Locale.ROOT, "{\"method\":\"%s\",\"trainingValues\":%d,\"intervalLevel\":%s}",
                    method.replace("\"", "'"), training.length, level);
        }

        @Override
        public byte[] artifact() {
            return Series.bytes(training);
        }
    }
}
