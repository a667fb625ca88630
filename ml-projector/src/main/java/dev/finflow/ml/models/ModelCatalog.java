package dev.finflow.ml.models;

import dev.finflow.ml.models.lstm.LstmSettings;
import dev.finflow.ml.models.lstm.LstmTrainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Every model family the service trains, baselines first: they become the first champions, and every other model
 * must then beat them on held-out data.
 */
public final class ModelCatalog {

    private ModelCatalog() {
    }

    public static List<ModelTrainer> baselines(double level) {
        return List.of(new Baselines.Trainer(ModelKind.RANDOM_WALK, level),
                new Baselines.Trainer(ModelKind.YESTERDAY, level), new Baselines.Trainer(ModelKind.EWMA, level));
    }

    public static List<ModelTrainer> all(double level, LstmSettings lstm) {
        List<ModelTrainer> trainers = new ArrayList<>(baselines(level));
        if (lstm.enabled()) {
            trainers.add(new LstmTrainer(lstm, level));
        }
        return List.copyOf(trainers);
    }
}
