package dev.finflow.ml.evaluation;

/**
 * What one forecaster did in a walk-forward run: per origin index, the forecast, its interval and the
 * value that came. Also the time spent estimating and forecasting, for the benchmarks.
 */
public record Backtest(String forecaster, WalkForwardPlan plan, int[] origins, double[] forecasts, double[] lower,
                       double[] upper, double[] actuals, double naiveScale, long fitNanos, long predictNanos) {

    public int size() {
        return forecasts.length;
    }

    /** actual - forecast, per origin. */
    public double[] errors() {
        double[] errors = new double[forecasts.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = actuals[i] - forecasts[i];
        }
        return errors;
    }

    public double mae() {
        return Metrics.mae(errors());
    }

    public double rmse() {
        return Metrics.rmse(errors());
    }

    /** MAE over the in-sample naive MAE of the initial window. */
    public double mase() {
        return Metrics.mae(errors()) / naiveScale;
    }

    /** Share of actuals inside their interval; NaN when the forecaster gives no intervals. */
    public double coverage() {
        int inside = 0;
        for (int i = 0; i < actuals.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                return Double.NaN;
            }
            if (actuals[i] >= lower[i] && actuals[i] <= upper[i]) {
                inside++;
            }
        }
        return actuals.length == 0 ? Double.NaN : (double) inside / actuals.length;
    }
}
