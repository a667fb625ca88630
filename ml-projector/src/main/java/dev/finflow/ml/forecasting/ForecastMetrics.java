package dev.finflow.ml.forecasting;

import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.ModelVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Monitoring in Prometheus: the champions' rolling live MAE and its ratio to their held-out MAE per symbol and
 * target, retrainings by reason, forecasts made. The ratio crossing the configured threshold triggers retraining.
 */
@Component
class ForecastMetrics {

    private final MeterRegistry meters;
    private final RetrainingProperties retraining;
    private final Map<String, AtomicReference<Double>> rollingMae = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> ratio = new ConcurrentHashMap<>();

    ForecastMetrics(MeterRegistry meters, RetrainingProperties retraining) {
        this.meters = meters;
        this.retraining = retraining;
        // Every counter exists at zero from the start, so rates and alerts have a series before the first event.
        for (String reason : new String[]{"initial", "schedule", "degradation"}) {
            meters.counter("finflow.ml.retrainings", "reason", reason);
        }
        for (Target target : Target.values()) {
            meters.counter("finflow.ml.forecasts", "target", target.name());
        }
        for (ModelKind kind : ModelKind.values()) {
            meters.counter("finflow.ml.promotions", "kind", kind.name(), "promoted", "true");
            meters.counter("finflow.ml.promotions", "kind", kind.name(), "promoted", "false");
        }
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
