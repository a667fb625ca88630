package dev.finflow.command.instruments.domain;

import dev.finflow.events.market.Verdict;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What became of a batch of bars, for the caller: counts per verdict and the findings behind every flag and
 * rejection (at most {@link #MAX_FINDINGS}; {@code findingsOmitted} says how many more there were).
 *
 * @param received   bars in the batch
 * @param accepted   new or revised bars kept without findings
 * @param flagged    new or revised bars kept with findings
 * @param rejected   bars quarantined
 * @param duplicates bars equal to what was stored already: nothing recorded
 * @param corrected  of the kept bars, those that revised a stored bar (a correction event each)
 */
public record BarsReport(int received, int accepted, int flagged, int rejected, int duplicates, int corrected,
                         List<BarFinding> findings, int findingsOmitted) {

    public static final int MAX_FINDINGS = 1000;

    public BarsReport {
        findings = List.copyOf(findings);
    }

    /** One rule's objection to one bar; {@code date} as it arrived (it may be what was wrong). */
    @Schema(name = "BarFinding")
    public record BarFinding(@Schema(example = "2024-01-02") String date, Verdict verdict,
                             @Schema(example = "ohlc-consistency") String rule,
                             @Schema(example = "high 9.0 is below close 10.5") String detail) {
    }
}
