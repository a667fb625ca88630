package dev.finflow.query.quality.domain;

import dev.finflow.events.market.Finding;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The quality of every symbol's data at a glance: per symbol the verdict counts (overall and per rule) and its
 * latest staleness finding, and the newest issues of all symbols (a page, newest first).
 */
@Schema(name = "QualityOverview")
public record QualityOverview(List<SymbolQuality> symbols, List<Issue> issues,
                              @Schema(types = {"string", "null"}) String nextCursor) {

    /** One symbol: counts as in its {@code QualityReport}, and its newest staleness finding if it ever had one. */
    @Schema(name = "SymbolQuality")
    public record SymbolQuality(@Schema(example = "ACME") String symbol,
                                @Schema(example = "{\"ACCEPTED\": 250, \"FLAGGED\": 2}") Map<String, Long> verdicts,
                                long corrections, List<QualityReport.RuleCount> rules,
                                @Schema(types = {"object", "null"}) QualityReport.StalenessView staleness) {
    }

    /** A flagged, quarantined or corrected bar of some symbol, with its findings. */
    @Schema(name = "QualityOverviewIssue")
    public record Issue(@Schema(example = "ACME") String symbol, String date,
                        @Schema(allowableValues = {"FLAGGED", "REJECTED", "CORRECTED"}) String verdict,
                        List<Finding> findings, @Schema(types = {"string", "null"}) String runId,
                        @Schema(types = {"string", "null"}) String source, long position, int item,
                        Instant recordedAt) {
    }
}
