package dev.finflow.query.quality;

import dev.finflow.events.market.Finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The quality of one symbol's data: verdict counts (overall, of which {@code corrections} came from corrected
 * bars, and per rule), a page of the bars that were not simply accepted, and the staleness events.
 */
public record QualityReport(String symbol, Map<String, Long> verdicts, long corrections, List<RuleCount> rules,
                            List<IssueView> issues, String nextCursor, List<StalenessView> staleness) {

    /** How many bars a rule objected to, by the verdict they got. */
    public record RuleCount(String rule, Map<String, Long> verdicts) {
    }

    /**
     * A flagged, quarantined or corrected bar with its findings. {@code bar} is the bar as recorded: the parsed bar,
     * the raw strings of a quarantined one, or previous and corrected of a correction.
     */
    public record IssueView(String date, String verdict, String origin, List<Finding> findings, Object bar,
                            String runId, String source, long position, int item, Instant recordedAt) {
    }

    public record StalenessView(LocalDate newestBar, LocalDate expectedLatest, LocalDate checkedOn, long position) {
    }
}
