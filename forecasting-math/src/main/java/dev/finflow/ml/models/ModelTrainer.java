package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;

/**
 * Trains one family of models. {@link #train} sees only the training rows; {@link #restore} rebuilds a stored
 * version from its registry record, so that a champion forecasts again without retraining.
 */
public interface ModelTrainer {

    ModelKind kind();

    boolean supports(Target target);

    /** Deterministic: the same rows give the same model (a fixed seed where there is randomness). */
    ForecastModel train(List<FeatureRow> rows, Target target);

    ForecastModel restore(Target target, String params, byte[] artifact);
}
