package dev.finflow.ml.forecasting;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelTrainer;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.ModelRegistry;
import dev.finflow.ml.registry.ModelVersion;
import dev.finflow.ml.registry.PromotionDecision;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Trains every model family on a symbol's older rows, scores each on the newest rows it never saw (held out),
 * registers it, and lets it replace the champion only if it beats the champion on those same days.
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
        // Origins whose next day is held out: forecasts made from the last training day up to the day before last.
        int[] origins = IntStream.range(split - 1, rows.size() - 1).toArray();
        for (Target target : Target.values()) {
            double[] actual = IntStream.of(origins).mapToDouble(o -> target.actual(rows, o, 1)).toArray();
            for (ModelTrainer trainer : trainers) {
                if (trainer.supports(target)) {
                    trainOne(symbol, trainer, target, rows, training, origins, actual);
                }
            }
        }
    }

    private void trainOne(String symbol, ModelTrainer trainer, Target target, List<FeatureRow> rows,
                          List<FeatureRow> training, int[] origins, double[] actual) {
        long started = System.nanoTime();
        try (ForecastModel model = trainer.train(training, target)) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Timer.builder("finflow.ml.training").tag("kind", trainer.kind().name())
                    .register(meters).record(java.time.Duration.ofNanos(System.nanoTime() - started));
            double[] errors = errors(model.predictAll(rows, origins, 1), actual);
            ModelVersion version = Versions.of(symbol, model, training, HeldOut.metrics(errors, training, target,
                    seconds));
            transaction.executeWithoutResult(status -> {
                if (!registry.register(version, model.artifact())) {
                    return; // the same model on the same data exists: nothing new to decide
                }
                Optional<ModelVersion> champion = registry.champion(symbol, target);
                PromotionDecision decision = champion.isEmpty()
                        ? PromotionDecision.first(HeldOut.mae(errors))
                        : PromotionDecision.judge(errors, championErrors(champion.get(), rows, origins, actual),
                        properties.promotionAlpha());
                registry.decide(version, champion, decision);
                meters.counter("finflow.ml.promotions", "kind", trainer.kind().name(), "promoted",
                        String.valueOf(decision.promoted())).increment();
            });
        }
    }

    private double[] championErrors(ModelVersion champion, List<FeatureRow> rows, int[] origins, double[] actual) {
        ModelTrainer trainer = trainers.stream().filter(t -> t.kind() == champion.kind()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer for " + champion.kind()));
        try (ForecastModel model = trainer.restore(champion.target(), champion.params(),
                registry.artifact(champion.id()))) {
            return errors(model.predictAll(rows, origins, 1), actual);
        }
    }

    private static double[] errors(List<Prediction> predictions, double[] actual) {
        double[] errors = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            errors[i] = actual[i] - predictions.get(i).point();
        }
        return errors;
    }
}
