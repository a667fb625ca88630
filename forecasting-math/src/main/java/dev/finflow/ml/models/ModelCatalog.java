package dev.finflow.ml.models;

import dev.finflow.ml.baselines.Baselines;
import dev.finflow.ml.models.lstm.LstmSettings;
import dev.finflow.ml.models.lstm.LstmTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every model family the service trains, baselines first: they become the first champions, and every other model
 * must then beat them on held-out data.
 */
public final class ModelCatalog {

    private ModelCatalog() {
    }

    public static List<ModelTrainer> baselines(double level) {
        return List.of(
                new SeriesModels.Trainer(ModelKind.RANDOM_WALK, Set.of(Target.LOG_RETURN, Target.CLOSE),
                        t -> t == Target.CLOSE ? Baselines.lastPrice() : Baselines.zeroReturn(), level),
                new SeriesModels.Trainer(ModelKind.YESTERDAY, Set.of(Target.ABS_RETURN), t -> Baselines.yesterday(),
                        level),
                new SeriesModels.Trainer(ModelKind.EWMA, Set.of(Target.ABS_RETURN),
                        t -> Baselines.ewma(Baselines.RISKMETRICS_LAMBDA), level));
    }

    /** ARIMA with the order chosen by AIC: on returns (d = 0, p, q up to 2) and on log closes (d = 1, p, q up to 1). */
    public static ModelTrainer arima(double level) {
        return new ArimaModels.Trainer(level);
    }

    public static List<ModelTrainer> all(double level, LstmSettings lstm) {
        List<ModelTrainer> trainers = new ArrayList<>(baselines(level));
        trainers.add(arima(level));
        if (lstm.enabled()) {
            trainers.add(new LstmTrainer(lstm, level));
        }
        return List.copyOf(trainers);
    }
}
