package dev.finflow.ml.models.lstm;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.RealPrices;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LstmTrainerTest {

    private static final List<FeatureRow> AAPL = RealPrices.featureRows("AAPL");

    private static LstmSettings settings(long seed) {
        return new LstmSettings(seed, 8, 20, 2, 32, 0.01f, true, "target/djl");
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndForecasts() {
        List<FeatureRow> training = AAPL.subList(0, 400);
        int[] origins = IntStream.range(400, 450).toArray();
        try (ForecastModel first = new LstmTrainer(settings(7), 0.95).train(training, Target.ABS_RETURN);
             ForecastModel second = new LstmTrainer(settings(7), 0.95).train(training, Target.ABS_RETURN);
             ForecastModel other = new LstmTrainer(settings(8), 0.95).train(training, Target.ABS_RETURN)) {
            assertThat(second.artifact()).isEqualTo(first.artifact());
            assertThat(second.params()).isEqualTo(first.params());
            List<Prediction> a = first.predictAll(AAPL, origins, 1);
            assertThat(second.predictAll(AAPL, origins, 1)).isEqualTo(a);
            assertThat(other.predictAll(AAPL, origins, 1)).isNotEqualTo(a);
        }
    }

    @Test
    void aRestoredModelForecastsExactlyAsTheTrainedOne() {
        LstmTrainer trainer = new LstmTrainer(settings(7), 0.95);
        int[] origins = IntStream.range(300, 320).toArray();
        try (ForecastModel trained = trainer.train(AAPL.subList(0, 300), Target.LOG_RETURN);
             ForecastModel restored = trainer.restore(Target.LOG_RETURN, trained.params(), trained.artifact())) {
            List<Prediction> predictions = trained.predictAll(AAPL, origins, 1);
            assertThat(restored.predictAll(AAPL, origins, 1)).isEqualTo(predictions);
            assertThat(predictions).allSatisfy(p -> {
                assertThat(p.lower()).isLessThan(p.point());
                assertThat(p.upper()).isGreaterThan(p.point());
                assertThat(Math.abs(p.point())).isLessThan(0.2);
            });
        }
    }

    /** Also on pool threads, whose first training once ran some kernels on every core (see ThreadGradients). */
    @Test
    void trainingsInParallelGiveTheWeightsTheyGiveOneAfterTheOther() throws Exception {
        List<FeatureRow> training = AAPL.subList(0, 400);
        byte[] returns;
        byte[] volatility;
        try (ForecastModel a = new LstmTrainer(settings(7), 0.95).train(training, Target.LOG_RETURN);
             ForecastModel b = new LstmTrainer(settings(9), 0.95).train(training, Target.ABS_RETURN)) {
            returns = a.artifact();
            volatility = b.artifact();
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                var a = pool.submit(() -> {
                    try (ForecastModel m = new LstmTrainer(settings(7), 0.95).train(training, Target.LOG_RETURN)) {
                        return m.artifact();
                    }
                });
                var b = pool.submit(() -> {
                    try (ForecastModel m = new LstmTrainer(settings(9), 0.95).train(training, Target.ABS_RETURN)) {
                        return m.artifact();
                    }
                });
                assertThat(a.get()).isEqualTo(returns);
                assertThat(b.get()).isEqualTo(volatility);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
