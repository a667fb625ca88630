/**
 * Calibrated prediction intervals for any point forecast: the forecast's past errors, divided by the volatility
 * known when each was made (EWMA of squared log returns), give an empirical (split-conformal) quantile; today's
 * interval is that quantile times today's volatility. Fat tails are in the quantile, volatility clusters in the
 * scale. {@link dev.finflow.ml.intervals.CalibratedIntervals#walkForward} checks the coverage without look-ahead.
 * Plain Java: no Spring, no I/O.
 */
package dev.finflow.ml.intervals;
