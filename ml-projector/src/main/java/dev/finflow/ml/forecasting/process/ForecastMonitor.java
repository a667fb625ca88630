package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.store.ForecastTable;
import dev.finflow.ml.forecasting.domain.Forecast;
import dev.finflow.ml.features.domain.FeatureListener;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.store.ModelRegistry;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live error: when the bar of a forecast's day arrives (or is corrected), the realised value and the absolute
 * error are written beside the forecast, in the feature projection's transaction, and counted in the live
 * calibration metrics.
 */
@Component
class ForecastMonitor implements FeatureListener {

    private final ForecastTable forecasts;
    private final ModelRegistry registry;
    private final ForecastMetrics metrics;

    ForecastMonitor(ForecastTable forecasts, ModelRegistry registry, ForecastMetrics metrics) {
        this.forecasts = forecasts;
        this.registry = registry;
        this.metrics = metrics;
    }

    /** A rebuild starts from no features, so from no models: they are retrained once it has caught up. */
    @Override
    public void reset() {
        registry.truncate();
    }

    @Override
    public void featuresRecomputed(String symbol, LocalDate from, List<FeatureRow> rows, long position) {
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).date(), i);
        }
        for (Forecast forecast : forecasts.openOrSince(symbol, from)) {
            Integer origin = index.get(forecast.originDate());
            if (origin == null) {
                continue;
            }
            Double actual = Target.valueOf(forecast.target()).actual(rows, origin, forecast.horizon());
            if (actual != null && !Objects.equals(actual, forecast.actual())) {
                forecasts.settle(forecast.id(), actual, Math.abs(actual - forecast.point()));
                if (forecast.actual() == null) {
                    metrics.settled(forecast, actual); // a correction later does not count the day twice
                }
            }
        }
    }
}
