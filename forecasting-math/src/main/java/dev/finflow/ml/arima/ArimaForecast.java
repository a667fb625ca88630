package dev.finflow.ml.arima;

/**
 * Forecasts for 1..h steps ahead (index 0 is one step ahead) with central Gaussian prediction intervals
 * at {@code level}; {@code standardErrors} are those of the forecast errors.
 */
public record ArimaForecast(double[] mean, double[] lower, double[] upper, double[] standardErrors, double level) {

    public int horizon() {
        return mean.length;
    }
}
