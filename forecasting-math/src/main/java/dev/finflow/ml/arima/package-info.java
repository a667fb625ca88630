/**
 * ARIMA(p, d, q) with a constant, estimated like R's {@code stats::arima} (CSS or exact Kalman ML) and
 * checked against it. Entry points: {@link dev.finflow.ml.arima.Arima#fit}, {@link
 * dev.finflow.ml.arima.ArimaOrderSelection#byAic}, {@link dev.finflow.ml.arima.ArimaModel#forecast} and
 * {@link dev.finflow.ml.arima.ArimaModel#conditionedOn} (same estimates, later origin), and {@link
 * dev.finflow.ml.arima.ArimaForecaster} for walk-forward evaluation. Plain Java: no Spring, no I/O.
 */
package dev.finflow.ml.arima;
