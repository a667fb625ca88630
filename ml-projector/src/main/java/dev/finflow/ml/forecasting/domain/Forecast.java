package dev.finflow.ml.forecasting.domain;

import java.time.LocalDate;

/**
 * One stored forecast: made at the close of {@code originDate} for {@code horizon} trading days later, by model
 * {@code modelId}; {@code actual} and {@code absError} arrive with the bar of that day (live monitoring).
 * {@code lower}/{@code upper} is the calibrated interval (null for a model version without calibration),
 * {@code modelLower}/{@code modelUpper} the model's own (null when it has none); {@code skill} the model's
 * {@link Skill.Label} when it forecast.
 */
public record Forecast(long id, String modelId, String symbol, String target, LocalDate originDate, int horizon,
                       double point, Double lower, Double upper, Double modelLower, Double modelUpper, String skill,
                       Double actual, Double absError) {
}
