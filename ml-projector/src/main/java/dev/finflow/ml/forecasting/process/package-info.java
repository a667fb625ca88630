/**
 * The forecasting process: the scheduled cycle that trains, promotes and forecasts, the live-error monitor, the
 * share of symbols this replica works on, and its metrics. Not event handlers: it runs on a timer over the feature
 * table, hence {@code process} rather than {@code projection}.
 */
package dev.finflow.ml.forecasting.process;
