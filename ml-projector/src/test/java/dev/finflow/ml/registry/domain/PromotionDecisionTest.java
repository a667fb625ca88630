package dev.finflow.ml.registry.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionDecisionTest {

    @Test
    void aLowerMaeByChanceDoesNotDethroneTheChampion() {
        Random random = new Random(1);
        double[] champion = new double[100];
        double[] candidate = new double[100];
        for (int i = 0; i < 100; i++) {
            champion[i] = random.nextGaussian();
            candidate[i] = random.nextGaussian();
        }
        candidate[0] = 0; // make sure the candidate's MAE is at least a little lower
        PromotionDecision decision = PromotionDecision.judge(candidate, champion, 0.05, true);
        if (decision.candidateMae() < decision.championMae()) {
            assertThat(decision.pValue()).isGreaterThan(0.05);
        }
        assertThat(decision.promoted()).isFalse();
        assertThat(decision.reason()).contains("Diebold-Mariano");
    }

    @Test
    void aClearlyBetterCandidateIsPromoted() {
        Random random = new Random(2);
        double[] champion = new double[100];
        double[] candidate = new double[100];
        for (int i = 0; i < 100; i++) {
            double noise = random.nextGaussian();
            champion[i] = noise;
            candidate[i] = noise * 0.5;
        }
        PromotionDecision decision = PromotionDecision.judge(candidate, champion, 0.05, true);
        assertThat(decision.promoted()).isTrue();
        assertThat(decision.pValue()).isLessThan(0.001);
    }

    @Test
    void aWorseCandidateIsNeverPromoted() {
        double[] champion = {0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2};
        double[] candidate = {0.3, 0.4, 0.3, 0.4, 0.3, 0.4, 0.3, 0.4};
        assertThat(PromotionDecision.judge(candidate, champion, 0.05, true).promoted()).isFalse();
    }

    @Test
    void aClearlyBetterCandidateWhoseIntervalsMissTheCoverageBandIsNotPromoted() {
        Random random = new Random(2);
        double[] champion = new double[100];
        double[] candidate = new double[100];
        for (int i = 0; i < 100; i++) {
            double noise = random.nextGaussian();
            champion[i] = noise;
            candidate[i] = noise * 0.5;
        }
        PromotionDecision decision = PromotionDecision.judge(candidate, champion, 0.05, false);
        assertThat(decision.promoted()).isFalse();
        assertThat(decision.pValue()).isLessThan(0.001);
        assertThat(decision.reason()).contains("coverage misses the 93-97% band");
    }
}
