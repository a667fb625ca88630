package dev.finflow.ml.registry.domain;

import dev.finflow.ml.evaluation.DieboldMariano;

import java.util.Locale;

/**
 * Whether a candidate replaces the champion, judged on the same held-out days: only with a lower MAE and a
 * one-sided Diebold-Mariano test (absolute-error loss, Harvey-Leybourne-Newbold correction) that rejects
 * "equally accurate" at {@code alpha}. A lower MAE by chance is not enough: the champion keeps its place and the
 * candidate stays a candidate. Nor is a candidate whose calibrated intervals are shown to miss the 93-97% coverage
 * band on its held-out days: then the champion (in the end the baseline) keeps serving, with calibrated intervals.
 */
public record PromotionDecision(boolean promoted, Double candidateMae, Double championMae, Double pValue,
                                String reason) {

    public static PromotionDecision first(double candidateMae) {
        return new PromotionDecision(true, candidateMae, null, null, "no champion yet");
    }

    public static PromotionDecision judge(double[] candidateErrors, double[] championErrors, double alpha,
                                          boolean coverageInBand) {
        double candidateMae = mae(candidateErrors);
        double championMae = mae(championErrors);
        DieboldMariano.Result dm = DieboldMariano.test(candidateErrors, championErrors, 1,
                DieboldMariano.Loss.ABSOLUTE);
        // One-sided: the evidence that the candidate's losses are smaller (a negative statistic).
        double p = dm.statistic() < 0 ? dm.pValue() / 2 : 1 - dm.pValue() / 2;
        boolean promoted = candidateMae < championMae && p < alpha && coverageInBand;
        String reason = String.format(Locale.ROOT, "held-out MAE %.6g vs champion %.6g over %d days;"
                        + " Diebold-Mariano (HLN) one-sided p = %.4f %s alpha %.3f%s", candidateMae, championMae,
                candidateErrors.length, p, p < alpha ? "<" : ">=", alpha,
                coverageInBand ? "" : "; interval coverage misses the 93-97% band");
        return new PromotionDecision(promoted, candidateMae, championMae, p, reason);
    }

    private static double mae(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += Math.abs(e);
        }
        return sum / errors.length;
    }
}
