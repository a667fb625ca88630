package dev.finflow.ml.models;

/** The families a model version can belong to. Baselines are the yardstick every other model must beat. */
public enum ModelKind {
    RANDOM_WALK, YESTERDAY, EWMA, ARIMA, LSTM;

    public boolean baseline() {
        return this == RANDOM_WALK || this == YESTERDAY || this == EWMA;
    }
}
