/**
 * Forecasts and the rules that judge them (held-out error, skill against the baseline, interval calibration,
 * version identity): plain code, no Spring, SQL or Reactor (checked by package).
 */
package dev.finflow.ml.forecasting.domain;
