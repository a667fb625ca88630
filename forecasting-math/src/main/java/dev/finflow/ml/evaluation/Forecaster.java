package dev.finflow.ml.evaluation;

/**
 * A forecasting method as the walk-forward backtest sees it: estimate on a training window, then forecast
 * from any later origin with those estimates. Splitting the two is what makes "refit every k steps"
 * possible without ever showing the estimator data past its window.
 */
public interface Forecaster {

    /** A short human-readable name for tables and the model registry, e.g. "ARIMA(AIC) ML". */
    String name();

    /** Estimates on {@code training} (oldest first; the method may keep its own copy). */
    Predictor fit(double[] training);

    /** Forecasts made with fixed estimates. */
    interface Predictor {

        /**
         * Forecast of the value {@code h} steps after the last element of {@code history} (oldest first,
         * every value known at the forecast origin). Lower and upper are NaN for a method without intervals.
         */
        Prediction predict(double[] history, int h, double level);
    }

    /** A point forecast with its central prediction interval (NaN bounds when the method has none). */
    record Prediction(double mean, double lower, double upper) {

        public static Prediction point(double mean) {
            return new Prediction(mean, Double.NaN, Double.NaN);
        }
    }
}
