package dev.finflow.ml.monitoring;

import dev.finflow.ml.models.Target;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Live forecast quality across all symbols, for dashboards and alerts: the mean absolute error and the share of
 * outcomes inside the prediction interval over the latest settled one-day forecasts of each target, next to the
 * interval level they should reach. The per-symbol gauges of {@code ForecastMetrics} exist only once a symbol has
 * live errors; these exist from the start (NaN until the first forecast is settled), so a panel or an alert never
 * confuses "no forecasts yet" with "no metric". Refreshed from {@code ml.forecast} every 15 s (one grouped query),
 * never on the scrape itself.
 */
@Component
class ForecastAccuracyGauges {

    /** Settled forecasts per target the figures are taken over. */
    static final int WINDOW = 250;

    private static final Accuracy UNKNOWN = new Accuracy(Double.NaN, Double.NaN);

    private final JdbcTemplate jdbc;
    private volatile Map<Target, Accuracy> latest = Map.of();

    ForecastAccuracyGauges(JdbcTemplate jdbc, MeterRegistry meters,
                           @Value("${finflow.ml.forecasting.interval-level:0.95}") double intervalLevel) {
        this.jdbc = jdbc;
        for (Target target : Target.values()) {
            Gauge.builder("finflow.ml.forecast.live.mae", () -> of(target).mae()).tag("target", target.name())
                    .description("mean absolute error of the latest settled one-day forecasts").register(meters);
            Gauge.builder("finflow.ml.forecast.coverage", () -> of(target).coverage()).tag("target", target.name())
                    .description("share of the latest settled one-day forecasts inside their interval")
                    .register(meters);
        }
        Gauge.builder("finflow.ml.forecast.interval.level", () -> intervalLevel)
                .description("coverage the prediction intervals are meant to have").register(meters);
    }

    private Accuracy of(Target target) {
        return latest.getOrDefault(target, UNKNOWN);
    }

    @Scheduled(initialDelay = 0, fixedDelay = 15_000)
    void refresh() {
        Map<Target, Accuracy> fresh = new EnumMap<>(Target.class);
        jdbc.query("""
                select target, avg(abs_error) as mae,
                       avg(case when actual between lower and upper then 1.0 else 0.0 end)
                           filter (where lower is not null and upper is not null) as coverage
                from (select target, abs_error, actual, lower, upper,
                             row_number() over (partition by target order by origin_date desc, id desc) as recent
                      from ml.forecast where actual is not null and horizon = 1) settled
                where recent <= ?
                group by target""", row -> {
            fresh.put(Target.valueOf(row.getString("target")),
                    new Accuracy(number(row.getObject("mae")), number(row.getObject("coverage"))));
        }, WINDOW);
        latest = fresh;
    }

    private record Accuracy(double mae, double coverage) {
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
