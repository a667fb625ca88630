package dev.finflow.ml.forecasting.domain;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.Target;

import java.util.List;
import java.util.Locale;

/**
 * Held-out error metrics of one model: MAE, RMSE and MASE (scaled by the in-sample naive one-step MAE), and its
 * {@link Skill} against the baseline with its calibrated intervals.
 */
public final class HeldOut {

    private HeldOut() {
    }

    public static double mae(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += Math.abs(e);
        }
        return sum / errors.length;
    }

    public static String metrics(double[] errors, List<FeatureRow> training, Target target, double seconds,
                                 Skill skill) {
        double ss = 0;
        for (double e : errors) {
            ss += e * e;
        }
        double naive = 0;
        int n = 0;
        for (int t = 1; t < training.size() - 1; t++) {
            Double previous = target.actual(training, t - 1, 1);
            Double current = target.actual(training, t, 1);
            if (previous != null && current != null) {
                naive += Math.abs(current - previous);
                n++;
            }
        }
        double mase = mae(errors) / (naive / Math.max(n, 1));
        return String.format(Locale.ROOT, "{\"heldOutMae\":%s,\"heldOutRmse\":%s,\"mase\":%s,\"heldOutDays\":%d,"
                        + "\"trainingRows\":%d,\"trainingSeconds\":%.3f,%s}", mae(errors), Math.sqrt(ss / errors.length),
                mase, errors.length, training.size(), seconds, skill.json());
    }

    public static double maeOf(String metrics) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"heldOutMae\":([-0-9.Ee]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
