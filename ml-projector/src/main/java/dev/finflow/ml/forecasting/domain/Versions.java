package dev.finflow.ml.forecasting.domain;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.registry.domain.ModelVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Model version ids are derived from what made the model: symbol, target, kind, the last event its training rows
 * came from, and its parameters. Retraining on the same events gives the same id, so replays and repeated
 * schedules register nothing twice.
 */
public final class Versions {

    private Versions() {
    }

    public static ModelVersion of(String symbol, ForecastModel model, List<FeatureRow> training, String metrics) {
        long first = training.stream().mapToLong(FeatureRow::position).min().orElse(0);
        long last = training.stream().mapToLong(FeatureRow::position).max().orElse(0);
        String id = String.format("%s-%s-%s-e%d-%s", symbol, model.target(), model.kind(), last,
                hash(model.params(), model.artifact()));
        return new ModelVersion(id.toLowerCase(java.util.Locale.ROOT), model.kind(), model.target(), symbol,
                model.params(), training.get(0).version(), first, last, training.get(0).date(),
                training.get(training.size() - 1).date(), metrics, ModelVersion.CANDIDATE);
    }

    private static String hash(String params, byte[] artifact) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(params.getBytes(StandardCharsets.UTF_8));
            if (artifact != null) {
                digest.update(artifact);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
