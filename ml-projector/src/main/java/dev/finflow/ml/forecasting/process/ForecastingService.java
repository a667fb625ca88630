package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.config.ForecastingProperties;
import dev.finflow.ml.forecasting.domain.IntervalCalibration;
import dev.finflow.ml.forecasting.domain.Skill;
import dev.finflow.ml.forecasting.store.ForecastTable;
import dev.finflow.ml.forecasting.store.ForecastStream;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.projection.FeatureTable;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelTrainer;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.store.ModelRegistry;
import dev.finflow.ml.registry.domain.ModelVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * One forecasting cycle: for every symbol with enough feature rows, trains when it has no champion yet, when a
 * scheduled retraining is due or when its live error has degraded; then has each champion forecast from the
 * newest day it has not forecast from yet. Only runs while the feature projection is live (see
 * {@link ProcessorState}), one cycle at a time; with several replicas, each works on its share of the symbols.
 */
@Service
public class ForecastingService {

    private final FeatureTable features;
    private final ModelRegistry registry;
    private final ModelTraining training;
    private final List<ModelTrainer> trainers;
    private final ForecastTable forecasts;
    private final ForecastingProperties properties;
    private final ForecastMetrics metrics;
    private final ForecastStream stream;
    private final JdbcTemplate jdbc;
    private final SymbolClaims claims;
    private final RetrainRequests retraining;

    ForecastingService(FeatureTable features, ModelRegistry registry, ModelTraining training,
                       List<ModelTrainer> trainers, ForecastTable forecasts, ForecastingProperties properties,
                       ForecastMetrics metrics, ForecastStream stream, JdbcTemplate jdbc,
                       SymbolClaims claims, RetrainRequests retraining) {
        this.claims = claims;
        this.retraining = retraining;
        this.features = features;
        this.registry = registry;
        this.training = training;
        this.trainers = trainers;
        this.forecasts = forecasts;
        this.properties = properties;
        this.metrics = metrics;
        this.stream = stream;
        this.jdbc = jdbc;
    }

    /** Marks every known symbol for retraining at its owner's next cycle (the retraining schedule calls this). */
    public void retrainAll() {
        retraining.requestAll();
    }

    /**
     * Runs a cycle over this instance's share of the symbols ({@link SymbolClaims}) if the projections are live;
     * returns the number of symbols it trained, -1 when not live.
     */
    public synchronized int cycle() {
        claims.heartbeat();
        if (!claims.featuresLive()) {
            return -1;
        }
        int trained = 0;
        for (String symbol : claims.assigned(symbols())) {
            if (!claims.hold(symbol)) {
                continue; // still held by the instance it was assigned to before
            }
            List<FeatureRow> rows = features.rows(symbol);
            if (rows.size() < properties.minRows()) {
                continue;
            }
            String reason = trainingReason(symbol);
            if (reason != null) {
                training.train(symbol, rows);
                metrics.retrained(reason);
                trained++;
            }
            forecast(symbol, rows);
        }
        return trained;
    }

    private String trainingReason(String symbol) {
        for (Target target : Target.values()) {
            if (registry.champion(symbol, target).isEmpty()) {
                return "initial";
            }
        }
        if (retraining.take(symbol)) {
            return "schedule";
        }
        for (Target target : Target.values()) {
            if (Skill.parse(registry.champion(symbol, target).orElseThrow().metrics()) == null) {
                return "calibration"; // registered before intervals were calibrated: none to serve
            }
        }
        for (Target target : Target.values()) {
            ModelVersion champion = registry.champion(symbol, target).orElseThrow();
            if (metrics.degraded(symbol, champion, forecasts.recentErrors(champion.id(), metrics.window()))) {
                return "degradation";
            }
        }
        return null;
    }

    /**
     * Each champion's point forecasts with the calibrated interval (its held-out quantile times today's volatility)
     * and the model's own interval beside it, labelled with the champion's skill against the baseline.
     */
    private void forecast(String symbol, List<FeatureRow> rows) {
        int origin = rows.size() - 1;
        double[] sigma = null;
        for (Target target : Target.values()) {
            Optional<ModelVersion> champion = registry.champion(symbol, target);
            if (champion.isEmpty()) {
                continue;
            }
            ModelVersion version = champion.get();
            int horizons = target.maxHorizon(properties.horizon());
            if (forecasts.exists(version.id(), rows.get(origin).date(), horizons)) {
                continue;
            }
            sigma = sigma == null ? IntervalCalibration.sigma(rows) : sigma;
            Skill skill = Skill.parse(version.metrics());
            try (ForecastModel model = restore(version)) {
                for (int h = 1; h <= horizons; h++) {
                    Prediction p = model.predict(rows, origin, h);
                    double[] calibrated = skill == null ? new double[] {Double.NaN, Double.NaN}
                            : IntervalCalibration.bounds(p.point(), skill.quantile(h),
                            IntervalCalibration.scale(sigma, rows, origin, target, h), target);
                    forecasts.insert(version.id(), symbol, target.name(), rows.get(origin).date(), h, p.point(),
                            calibrated, p.lower(), p.upper(), skill == null ? null : skill.label().name())
                            .ifPresent(forecast -> {
                                metrics.forecasted(target);
                                stream.publish(forecast);
                            });
                }
            }
        }
    }

    private ForecastModel restore(ModelVersion version) {
        ModelTrainer trainer = trainers.stream().filter(t -> t.kind() == version.kind()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer for " + version.kind()));
        return trainer.restore(version.target(), version.params(), registry.artifact(version.id()));
    }

    private List<String> symbols() {
        return jdbc.queryForList("select symbol from ml.symbol_state order by symbol", String.class);
    }
}
