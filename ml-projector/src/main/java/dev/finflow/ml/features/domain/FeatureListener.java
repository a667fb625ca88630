package dev.finflow.ml.features.domain;

import dev.finflow.ml.features.FeatureRow;

import java.time.LocalDate;
import java.util.List;

/**
 * Told, inside the feature projection's transaction, that a symbol's rows from {@code from} on were recomputed.
 * Lets price anomalies and forecast monitoring follow the features exactly once, in the same commit as the token.
 */
public interface FeatureListener {

    /**
     * @param rows     every feature row of the symbol, in date order (the recomputed ones and the earlier ones)
     * @param position global index of the event that caused the recompute
     */
    void featuresRecomputed(String symbol, LocalDate from, List<FeatureRow> rows, long position);

    /** The projection is being rebuilt from the first event: forget everything derived from features. */
    default void reset() {
    }
}
