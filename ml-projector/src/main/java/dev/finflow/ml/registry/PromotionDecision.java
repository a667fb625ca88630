package dev.finflow.ml.registry;

import java.util.Locale;

/**
 * Whether a candidate replaces the champion, judged on the same held-out days: only with a lower MAE and a
 * Diebold-Mariano test (absolute-error loss) that rejects "equally accurate" at {@code alpha}. A lower MAE by
 * chance is not enough: the champion keeps its place and the candidate stays a candidate.
 */
public record PromotionDecision(boolean promoted, Double candidateMae, Double championMae, Double pValue,
                                String reason) {

    public static PromotionDecision first(double candidateMae) {
        return new PromotionDecision(true, candidateMae, null, null, "no champion yet");
    }

    public static PromotionDecision judge(double[] candidateErrors, double[] championErrors, double alpha) {
        double candidateMae = DieboldMariano.mae(candidateErrors);
        double championMae = DieboldMariano.mae(championErrors);
        double p = DieboldMariano.pValueCandidateBetter(candidateErrors, championErrors);
        boolean promoted = candidateMae < championMae && p < alpha;
        String reason = String.format(Locale.ROOT, "held-out MAE %.6g vs champion %.6g over %d days;"
                        + " Diebold-Mariano one-sided p = %.4f %s alpha %.3f", candidateMae, championMae,
                candidateErrors.length, p, p < alpha ? "<" : ">=", alpha);
        return new PromotionDecision(promoted, candidateMae, championMae, p, reason);
    }
}
