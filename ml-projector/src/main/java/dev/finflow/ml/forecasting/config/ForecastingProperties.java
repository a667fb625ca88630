package dev.finflow.ml.forecasting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How the forecaster trains, compares and forecasts ({@code finflow.ml.forecasting.*}, see application.yml). */
@ConfigurationProperties("finflow.ml.forecasting")
public record ForecastingProperties(@DefaultValue("PT5S") Duration interval,
                                    @DefaultValue("5") int horizon,
                                    @DefaultValue("0.95") double intervalLevel,
                                    @DefaultValue("120") int minRows,
                                    @DefaultValue("0.2") double heldOutShare,
                                    @DefaultValue("0.05") double promotionAlpha) {
}
