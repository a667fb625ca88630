package dev.finflow.ml.forecasting;

import java.time.LocalDate;

/**
 * One stored forecast: made at the close of {@code originDate} for {@code horizon} trading days later, by model
 * {@code modelId}; {@code actual} and {@code absError} arrive with the bar of that day (live monitoring).
 */
public record Forecast(long id, String modelId, String symbol, String target, LocalDate originDate, int horizon,
                       double point, Double lower, Double upper, Double actual, Double absError) {
}
