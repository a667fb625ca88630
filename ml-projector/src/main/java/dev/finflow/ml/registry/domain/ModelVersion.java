package dev.finflow.ml.registry.domain;

import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Target;

import java.time.LocalDate;

/**
 * One trained model as the registry keeps it: what it is, what it was trained on (the training window as event
 * positions and bar dates, and the feature version), how it scored on held-out data, and where it stands.
 *
 * @param metrics JSON: held-out MAE, RMSE, MASE against the naive baseline, sample size, training seconds
 * @param status  CANDIDATE, CHAMPION or RETIRED (a former champion)
 */
public record ModelVersion(String id, ModelKind kind, Target target, String symbol, String params,
                           int featureVersion, long firstPosition, long lastPosition, LocalDate firstDate,
                           LocalDate lastDate, String metrics, String status) {

    public static final String CANDIDATE = "CANDIDATE";
    public static final String CHAMPION = "CHAMPION";
    public static final String RETIRED = "RETIRED";
}
