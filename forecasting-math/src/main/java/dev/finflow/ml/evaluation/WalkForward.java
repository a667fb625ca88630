package dev.finflow.ml.evaluation;

import java.util.Arrays;

/**
 * Walk-forward backtest without look-ahead: at origin t (the index of the last known value) the
 * forecaster is handed copies of values 0..t only, both for estimation and for forecasting; the value
 * at t + h is compared afterwards. {@code WalkForwardTest} proves that changing later values leaves
 * earlier forecasts untouched.
 */
public final class WalkForward {

    private WalkForward() {
    }

    public static Backtest run(double[] series, Forecaster forecaster, WalkForwardPlan plan) {
        int first = plan.initialWindow() - 1;
        int last = series.length - 1 - plan.horizon();
        if (last < first) {
            throw new IllegalArgumentException("series of " + series.length + " values is too short for " + plan);
        }
        int count = last - first + 1;
        int[] origins = new int[count];
        double[] forecasts = new double[count];
        double[] lower = new double[count];
        double[] upper = new double[count];
        double[] actuals = new double[count];
        Forecaster.Predictor predictor = null;
        long fitNanos = 0;
        long predictNanos = 0;
        for (int i = 0; i < count; i++) {
            int origin = first + i;
            double[] known = Arrays.copyOfRange(series, 0, origin + 1);
            if (i % plan.refitEvery() == 0) {
                int start = plan.rollingWindow() == 0 ? 0 : known.length - plan.rollingWindow();
                long started = System.nanoTime();
                predictor = forecaster.fit(Arrays.copyOfRange(known, start, known.length));
                fitNanos += System.nanoTime() - started;
            }
            long started = System.nanoTime();
            Forecaster.Prediction prediction = predictor.predict(known, plan.horizon(), plan.level());
            predictNanos += System.nanoTime() - started;
            origins[i] = origin;
            forecasts[i] = prediction.mean();
            lower[i] = prediction.lower();
            upper[i] = prediction.upper();
            actuals[i] = series[origin + plan.horizon()];
        }
        return new Backtest(forecaster.name(), plan, origins, forecasts, lower, upper, actuals,
                naiveScale(series, plan.initialWindow()), fitNanos, predictNanos);
    }

    /**
     * MASE's scale: mean absolute one-step change over the initial window only (Hyndman and Koehler's
     * in-sample naive error), so the scale itself uses no value after the first origin.
     */
    static double naiveScale(double[] series, int initialWindow) {
        double sum = 0;
        for (int t = 1; t < initialWindow; t++) {
            sum += Math.abs(series[t] - series[t - 1]);
        }
        return sum / (initialWindow - 1);
    }
}
