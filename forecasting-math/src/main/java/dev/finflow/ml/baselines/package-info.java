/**
 * The naive forecasts a model must beat before it is called useful (random walk for returns and prices,
 * yesterday's value and EWMA for volatility), as {@link dev.finflow.ml.evaluation.Forecaster}s from
 * {@link dev.finflow.ml.baselines.Baselines}. Plain Java.
 */
package dev.finflow.ml.baselines;
