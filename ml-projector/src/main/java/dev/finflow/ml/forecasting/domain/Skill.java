package dev.finflow.ml.forecasting.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.ml.evaluation.DieboldMariano;
import dev.finflow.ml.intervals.Coverage;
import dev.finflow.ml.models.ModelKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a model stands on its held-out days, as every forecast it makes carries it: MAE ratio to the target's
 * baseline and the one-sided Diebold-Mariano p-value of "better than the baseline" (one day ahead), and per horizon
 * the calibrated interval's quantile and walk-forward coverage. A model beats its baseline only with a ratio below
 * 1 AND p below 0.05; one that does not is labelled so and left out of the default forecast view.
 *
 * @param maeRatio null for the baseline itself
 */
public record Skill(ModelKind baseline, Double maeRatio, Double dmPValue, double[] quantiles, List<Coverage> coverage) {

    static final double SIGNIFICANCE = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three labels a forecast carries. */
    public enum Label { BASELINE, BEATS_BASELINE, DOES_NOT_BEAT_BASELINE }

    public static Skill of(ModelKind baseline, double[] errors, double[] baselineErrors, double[] quantiles,
                           List<Coverage> coverage) {
        if (baselineErrors == null) {
            return new Skill(baseline, null, null, quantiles, coverage);
        }
        DieboldMariano.Result dm = DieboldMariano.test(errors, baselineErrors, 1, DieboldMariano.Loss.ABSOLUTE);
        double p = dm.statistic() < 0 ? dm.pValue() / 2 : 1 - dm.pValue() / 2;
        return new Skill(baseline, HeldOut.mae(errors) / HeldOut.mae(baselineErrors), p, quantiles, coverage);
    }

    public Label label() {
        if (maeRatio == null) {
            return Label.BASELINE;
        }
        return maeRatio < 1 && dmPValue < SIGNIFICANCE ? Label.BEATS_BASELINE : Label.DOES_NOT_BEAT_BASELINE;
    }

    /** True when some horizon's coverage is shown to be outside 93-97% ({@link Coverage#missesBand()}). */
    public boolean coverageMissesBand() {
        return coverage.isEmpty() || coverage.stream().anyMatch(Coverage::missesBand);
    }

    /** The interval quantile at horizon h, NaN when the model has none for it. */
    public double quantile(int horizon) {
        return horizon <= quantiles.length ? quantiles[horizon - 1] : Double.NaN;
    }

    /** The JSON fields this adds to a model version's metrics. */
    String json() {
        return String.format(Locale.ROOT, "\"baseline\":\"%s\",\"maeRatio\":%s,\"dmPValue\":%s,\"label\":\"%s\","
                        + "\"intervalQuantiles\":%s,\"coverage\":%s,\"coverageInside\":%s,\"coverageN\":%s,"
                        + "\"coverageLow\":%s,\"coverageHigh\":%s,\"coverageMissesBand\":%s", baseline, maeRatio,
                dmPValue, label(), numbers(Arrays.stream(quantiles).boxed().toList()),
                numbers(coverage.stream().map(Coverage::rate).toList()),
                numbers(coverage.stream().map(c -> (double) c.inside()).toList()),
                numbers(coverage.stream().map(c -> (double) c.n()).toList()),
                numbers(coverage.stream().map(Coverage::low).toList()),
                numbers(coverage.stream().map(Coverage::high).toList()), coverageMissesBand());
    }

    /** Reads it back from a version's metrics; null for a version registered before skills were stored. */
    public static Skill parse(String metrics) {
        try {
            JsonNode node = JSON.readTree(metrics);
            if (!node.has("intervalQuantiles")) {
                return null;
            }
            double[] quantiles = doubles(node.get("intervalQuantiles"));
            double[] inside = doubles(node.get("coverageInside"));
            double[] n = doubles(node.get("coverageN"));
            List<Coverage> coverage = java.util.stream.IntStream.range(0, n.length)
                    .mapToObj(i -> new Coverage((int) inside[i], (int) n[i])).toList();
            return new Skill(ModelKind.valueOf(node.get("baseline").asText()), number(node.get("maeRatio")),
                    number(node.get("dmPValue")), quantiles, coverage);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable model metrics: " + metrics, e);
        }
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    private static String numbers(List<Double> values) {
        return values.stream().map(v -> Double.isFinite(v) ? String.valueOf(v) : "null")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
