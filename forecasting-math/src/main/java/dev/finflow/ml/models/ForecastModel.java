package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;

/**
 * A trained model: its parameters are fixed, and it forecasts from any origin of a symbol's feature rows,
 * reading rows up to and including {@code origin} only. Held-out evaluation and live forecasts use it alike.
 */
public interface ForecastModel extends AutoCloseable {

    ModelKind kind();

    Target target();

    Prediction predict(List<FeatureRow> rows, int origin, int horizon);

    /** Parameters as JSON, for the registry and the API. */
    String params();

    /** Forecasts from many origins at once (a network answers a batch in one pass). */
    default java.util.List<Prediction> predictAll(List<FeatureRow> rows, int[] origins, int horizon) {
        return java.util.Arrays.stream(origins).mapToObj(origin -> predict(rows, origin, horizon)).toList();
    }

    /** Releases native memory a model may hold; nothing for most. */
    @Override
    default void close() {
    }

    /** Serialized weights (LSTM) or null when the parameters say everything. */
    default byte[] artifact() {
        return null;
    }
}
