package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.config.ForecastingProperties;
import dev.finflow.ml.forecasting.domain.HeldOut;
import dev.finflow.ml.forecasting.config.RetrainingProperties;
import dev.finflow.ml.forecasting.domain.Forecast;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.domain.ModelVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Monitoring in Prometheus: the champions' rolling live MAE and its ratio to their held-out MAE per symbol and
 * target, retrainings by reason, forecasts made. The ratio crossing the configured threshold triggers retraining.
 * Live calibration per target and horizon as bars arrive: forecasts settled, those inside their calibrated interval
 * (coverage = covered / settled, expected near the nominal 95%), and each error in units of its interval's
 * half-width (above 1 = outside). All registered at zero at start, so an alert sees a series before the first bar.
 */
@Component
class ForecastMetrics {

    private final MeterRegistry meters;
    private final RetrainingProperties retraining;
    private final Map<String, AtomicReference<Double>> rollingMae = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> ratio = new ConcurrentHashMap<>();

    ForecastMetrics(MeterRegistry meters, RetrainingProperties retraining, ForecastingProperties forecasting) {
        int horizon = forecasting.horizon();
        this.meters = meters;
        this.retraining = retraining;
        // Every counter exists at zero from the start, so rates and alerts have a series before the first event.
        for (String reason : new String[]{"initial", "schedule", "calibration", "degradation"}) {
            meters.counter("finflow.ml.retrainings", "reason", reason);
        }
        for (Target target : Target.values()) {
            meters.counter("finflow.ml.forecasts", "target", target.name());
            for (int h = 1; h <= target.maxHorizon(horizon); h++) {
                settled(target, h);
                covered(target, h);
                intervalError(target, h);
            }
        }
        for (ModelKind kind : ModelKind.values()) {
            meters.counter("finflow.ml.promotions", "kind", kind.name(), "promoted", "true");
            meters.counter("finflow.ml.promotions", "kind", kind.name(), "promoted", "false");
        }
    }

    /** A forecast's realised value arrived for the first time. */
    void settled(Forecast forecast, double actual) {
        Target target = Target.valueOf(forecast.target());
        settled(target, forecast.horizon()).increment();
        if (forecast.lower() == null || forecast.upper() == null) {
            return;
        }
        if (actual >= forecast.lower() && actual <= forecast.upper()) {
            covered(target, forecast.horizon()).increment();
        }
        double halfWidth = (forecast.upper() - forecast.lower()) / 2;
        if (halfWidth > 0) {
            intervalError(target, forecast.horizon()).record(Math.abs(actual - forecast.point()) / halfWidth);
        }
    }

    private Counter settled(Target target, int horizon) {
        return meters.counter("finflow.ml.live.settled", "target", target.name(), "horizon", String.valueOf(horizon));
    }

    private Counter covered(Target target, int horizon) {
        return meters.counter("finflow.ml.live.covered", "target", target.name(), "horizon", String.valueOf(horizon));
    }

    private DistributionSummary intervalError(Target target, int horizon) {
        return DistributionSummary.builder("finflow.ml.live.interval.error").baseUnit("half-widths")
                .tag("target", target.name()).tag("horizon", String.valueOf(horizon)).register(meters);
    }

    int window() {
        return retraining.rollingWindow();
    }

    /** Updates the gauges from the newest live errors; true when the error has degraded past the threshold. */
    boolean degraded(String symbol, ModelVersion champion, double[] recentErrors) {
        if (recentErrors.length == 0) {
            return false;
        }
        double mae = HeldOut.mae(recentErrors);
        double heldOut = HeldOut.maeOf(champion.metrics());
        double current = heldOut > 0 ? mae / heldOut : Double.NaN;
        gauge(rollingMae, "finflow.ml.rolling.mae", symbol, champion.target()).set(mae);
        gauge(ratio, "finflow.ml.rolling.error.ratio", symbol, champion.target()).set(current);
        return recentErrors.length >= Math.max(1, window() / 2) && current > retraining.degradationRatio();
    }

    void retrained(String reason) {
        meters.counter("finflow.ml.retrainings", "reason", reason).increment();
    }

    void forecasted(Target target) {
        meters.counter("finflow.ml.forecasts", "target", target.name()).increment();
    }

    private AtomicReference<Double> gauge(Map<String, AtomicReference<Double>> values, String name, String symbol,
                                          Target target) {
        return values.computeIfAbsent(name + symbol + target, key -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, value, AtomicReference::get).tag("symbol", symbol).tag("target", target.name())
                    .register(meters);
            return value;
        });
    }
}
