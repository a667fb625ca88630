package dev.finflow.ml.forecasting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** When models are retrained besides their first training ({@code finflow.ml.retraining.*}). */
@ConfigurationProperties("finflow.ml.retraining")
public record RetrainingProperties(@DefaultValue("0 0 2 * * *") String cron,
                                   @DefaultValue("20") int rollingWindow,
                                   @DefaultValue("1.5") double degradationRatio) {
}
