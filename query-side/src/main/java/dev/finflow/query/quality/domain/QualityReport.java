package dev.finflow.query.quality.domain;

import dev.finflow.events.market.Finding;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The quality of one symbol's data: verdict counts (overall, of which {@code corrections} came from corrected
 * bars, and per rule), a page of the bars that were not simply accepted, and the staleness events.
 */
@Schema(name = "QualityReport")
public record QualityReport(@Schema(example = "ACME") String symbol,
                            @Schema(example = "{\"ACCEPTED\": 250, \"FLAGGED\": 2}") Map<String, Long> verdicts,
                            long corrections, List<RuleCount> rules, List<IssueView> issues,
                            @Schema(types = {"string", "null"}) String nextCursor, List<StalenessView> staleness) {

    /** How many bars a rule objected to, by the verdict they got. */
    @Schema(name = "QualityRuleCount")
    public record RuleCount(@Schema(example = "outlier-jump") String rule, Map<String, Long> verdicts) {
    }

    /**
     * A flagged, quarantined or corrected bar with its findings. {@code bar} is the bar as recorded: the parsed bar,
     * the raw strings of a quarantined one, or previous and corrected of a correction.
     */
    @Schema(name = "QualityIssue")
    public record IssueView(String date, @Schema(allowableValues = {"FLAGGED", "REJECTED", "CORRECTED"}) String verdict,
                            @Schema(types = {"string", "null"}) String origin, List<Finding> findings,
                            @Schema(description = "The bar as recorded") Object bar,
                            @Schema(types = {"string", "null"}) String runId,
                            @Schema(types = {"string", "null"}) String source, long position, int item,
                            Instant recordedAt) {
    }

    @Schema(name = "Staleness")
    public record StalenessView(LocalDate newestBar, LocalDate expectedLatest, LocalDate checkedOn, long position) {
    }
}
