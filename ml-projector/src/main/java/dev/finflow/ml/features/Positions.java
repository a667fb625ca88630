package dev.finflow.ml.features;

import org.axonframework.eventhandling.TrackingToken;

/** The global index of the event being handled, for lineage columns. */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
