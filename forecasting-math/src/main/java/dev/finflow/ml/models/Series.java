package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;

/**
 * The plain series a target is forecast on by the series methods (ARIMA, baselines): log returns for
 * {@link Target#LOG_RETURN}, their absolute values for {@link Target#ABS_RETURN}, closes for {@link Target#CLOSE}.
 * Row 0 has no return, so return series start at row 1.
 */
final class Series {

    private Series() {
    }

    /** Values known at the close of row {@code origin}, oldest first. */
    static double[] upTo(List<FeatureRow> rows, int origin, Target target) {
        int first = target == Target.CLOSE ? 0 : 1;
        double[] values = new double[count(origin, target)];
        for (int i = first; i <= origin; i++) {
            FeatureRow row = rows.get(i);
            values[i - first] = switch (target) {
                case LOG_RETURN -> row.logReturn();
                case ABS_RETURN -> Math.abs(row.logReturn());
                case CLOSE -> row.close();
            };
        }
        return values;
    }

    /** How many values {@link #upTo} gives for {@code origin}. */
    static int count(int origin, Target target) {
        return Math.max(0, origin - (target == Target.CLOSE ? 0 : 1) + 1);
    }

    static byte[] bytes(double[] values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    static double[] values(byte[] bytes) {
        double[] values = new double[bytes.length / Double.BYTES];
        java.nio.ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }
}
