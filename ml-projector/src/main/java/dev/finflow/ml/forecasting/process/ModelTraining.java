package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.config.ForecastingProperties;
import dev.finflow.ml.forecasting.domain.HeldOut;
import dev.finflow.ml.forecasting.domain.IntervalCalibration;
import dev.finflow.ml.forecasting.domain.Versions;
import dev.finflow.ml.forecasting.domain.Skill;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.intervals.Coverage;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelTrainer;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.store.ModelRegistry;
import dev.finflow.ml.registry.domain.ModelVersion;
import dev.finflow.ml.registry.domain.PromotionDecision;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Trains every model family on a symbol's older rows, scores each on the newest rows it never saw (held out) against
 * the target's baseline and with calibrated intervals at every horizon, registers it, and lets it replace the
 * champion only if it beats the champion on those same days and its interval coverage is not shown to miss the band.
 */
@Component
class ModelTraining {

    private final List<ModelTrainer> trainers;
    private final ModelRegistry registry;
    private final ForecastingProperties properties;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    ModelTraining(List<ModelTrainer> trainers, ModelRegistry registry, ForecastingProperties properties,
                  TransactionTemplate transaction, MeterRegistry meters) {
        this.trainers = trainers;
        this.registry = registry;
        this.properties = properties;
        this.transaction = transaction;
        this.meters = meters;
    }

    void train(String symbol, List<FeatureRow> rows) {
        int heldOut = Math.max(20, (int) Math.round(rows.size() * properties.heldOutShare()));
        int split = rows.size() - heldOut;
        List<FeatureRow> training = rows.subList(0, split);
        double[] sigma = IntervalCalibration.sigma(rows);
        for (Target target : Target.values()) {
            // The baseline first: every other model's skill is measured against its errors.
            List<ModelTrainer> ordered = trainers.stream().filter(t -> t.supports(target))
                    .sorted(Comparator.comparing(t -> t.kind() != target.baseline())).toList();
            double[] baselineErrors = null;
            for (ModelTrainer trainer : ordered) {
                double[] errors = trainOne(symbol, trainer, target, rows, training, sigma, baselineErrors);
                if (trainer.kind() == target.baseline()) {
                    baselineErrors = errors;
                }
            }
        }
    }

    /** Returns the model's one-day held-out errors. */
    private double[] trainOne(String symbol, ModelTrainer trainer, Target target, List<FeatureRow> rows,
                              List<FeatureRow> training, double[] sigma, double[] baselineErrors) {
        long started = System.nanoTime();
        try (ForecastModel model = trainer.train(training, target)) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Timer.builder("finflow.ml.training").tag("kind", trainer.kind().name())
                    .register(meters).record(java.time.Duration.ofNanos(System.nanoTime() - started));
            int horizons = target.maxHorizon(properties.horizon());
            double[] quantiles = new double[horizons];
            List<Coverage> coverage = new ArrayList<>();
            double[] errors = null;
            for (int h = 1; h <= horizons; h++) {
                IntervalCalibration.Horizon scored = IntervalCalibration.score(model, rows, training.size(), sigma, h,
                        properties.intervalLevel());
                quantiles[h - 1] = scored.quantile();
                coverage.add(scored.coverage());
                errors = h == 1 ? scored.errors() : errors;
            }
            Skill skill = Skill.of(target.baseline(), errors, baselineErrors, quantiles, coverage);
            ModelVersion version = Versions.of(symbol, model, training, HeldOut.metrics(errors, training, target,
                    seconds, skill));
            double[] oneDay = errors;
            transaction.executeWithoutResult(status -> {
                if (!registry.register(version, model.artifact())) {
                    return; // the same model on the same data exists: nothing new to decide
                }
                Optional<ModelVersion> champion = registry.champion(symbol, target);
                PromotionDecision decision = champion.isEmpty()
                        ? PromotionDecision.first(HeldOut.mae(oneDay))
                        : PromotionDecision.judge(oneDay, championErrors(champion.get(), rows, training.size()),
                        properties.promotionAlpha(), !skill.coverageMissesBand());
                registry.decide(version, champion, decision);
                meters.counter("finflow.ml.promotions", "kind", trainer.kind().name(), "promoted",
                        String.valueOf(decision.promoted())).increment();
            });
            return errors;
        }
    }

    private double[] championErrors(ModelVersion champion, List<FeatureRow> rows, int split) {
        ModelTrainer trainer = trainers.stream().filter(t -> t.kind() == champion.kind()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer for " + champion.kind()));
        Target target = champion.target();
        int[] origins = IntStream.range(split - 1, rows.size() - 1).toArray();
        try (ForecastModel model = trainer.restore(target, champion.params(), registry.artifact(champion.id()))) {
            List<Prediction> predictions = model.predictAll(rows, origins, 1);
            double[] errors = new double[origins.length];
            for (int i = 0; i < origins.length; i++) {
                errors[i] = target.actual(rows, origins[i], 1) - predictions.get(i).point();
            }
            return errors;
        }
    }
}
