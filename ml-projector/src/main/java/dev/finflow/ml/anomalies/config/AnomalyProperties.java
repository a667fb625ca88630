package dev.finflow.ml.anomalies.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Thresholds of the anomaly detectors ({@code finflow.ml.anomalies.*}, see application.yml). */
@ConfigurationProperties("finflow.ml.anomalies")
public record AnomalyProperties(@DefaultValue("6") double returnThreshold,
                                @DefaultValue("60") int lookback,
                                @DefaultValue("6") double amountThreshold,
                                @DefaultValue("10") int minHistory) {
}
