package dev.finflow.ml.registry;

import java.time.LocalDate;

/** One decision on a candidate: promoted or not, against which champion, with the evidence. */
public record PromotionRecord(long id, String symbol, String target, String candidateId, String championId,
                              boolean promoted, Double candidateMae, Double championMae, Double dmPValue,
                              String reason, LocalDate decidedOn) {
}
