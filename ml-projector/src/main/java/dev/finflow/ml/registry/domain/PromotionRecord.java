package dev.finflow.ml.registry.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** One decision on a candidate: promoted or not, against which champion, with the evidence. */
@Schema(name = "Promotion")
public record PromotionRecord(long id, String symbol, String target, String candidateId,
                              @Schema(types = {"string", "null"}) String championId, boolean promoted,
                              @Schema(types = {"number", "null"}) Double candidateMae,
                              @Schema(types = {"number", "null"}) Double championMae,
                              @Schema(types = {"number", "null"}) Double dmPValue, String reason,
                              LocalDate decidedOn) {
}
