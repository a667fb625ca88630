package dev.finflow.ml.evaluation;

/** Point-forecast error measures over errors (actual - forecast). */
public final class Metrics {

    private Metrics() {
    }

    public static double mae(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += Math.abs(e);
        }
        return sum / errors.length;
    }

    public static double rmse(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += e * e;
        }
        return Math.sqrt(sum / errors.length);
    }
}
