package dev.finflow.ml.models;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Normal quantiles for the central intervals every model reports at the configured level. */
public final class Intervals {

    private Intervals() {
    }

    public static double z(double level) {
        return new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    }
}
