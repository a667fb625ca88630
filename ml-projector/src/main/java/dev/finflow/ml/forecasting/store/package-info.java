/**
 * Where forecasts are kept ({@code ml.forecast}) and the live stream of new ones; written by the process, read by
 * the web layer.
 */
package dev.finflow.ml.forecasting.store;
