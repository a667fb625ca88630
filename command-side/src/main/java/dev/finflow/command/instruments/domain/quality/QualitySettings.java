package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * The thresholds and verdicts of the quality rules, from {@code finflow.quality.*}.
 *
 * @param verdicts     what a finding of each rule does to its bar ({@code FLAGGED} or {@code REJECTED}); the
 *                     jump rule's verdict comes from its two floors instead
 * @param jump         the volatility-scaled jump rule
 * @param staleRepeats a bar is stale when its close and volume equal those of the previous
 *                     {@code staleRepeats - 1} stored bars (so this many identical days in a row)
 */
public record QualitySettings(Map<QualityRule, Verdict> verdicts, Jump jump, int staleRepeats) {

    /**
     * A jump is a log return {@code r} from the previous stored close (split-adjusted) with {@code |r|} above
     * {@code sigmas} times the standard deviation of the previous {@code window} returns and above a floor:
     * {@code flagFloor} flags it, {@code rejectFloor} rejects it (a x100 or /100 decimal shift is |r| = 4.6).
     * With fewer than {@code minReturns} returns of history only the floors apply.
     */
    public record Jump(int window, int minReturns, double sigmas, double flagFloor, double rejectFloor) {
    }

    public QualitySettings {
        EnumMap<QualityRule, Verdict> all = new EnumMap<>(QualityRule.class);
        all.putAll(DEFAULT_VERDICTS);
        if (verdicts != null) {
            all.putAll(verdicts);
        }
        verdicts = Map.copyOf(all);
        if (jump == null) {
            jump = DEFAULT_JUMP;
        }
        if (staleRepeats < 2) {
            throw new IllegalArgumentException("stale repeats must be at least 2, not " + staleRepeats);
        }
        if (jump.flagFloor() > jump.rejectFloor()) {
            throw new IllegalArgumentException("the jump flag floor must not be above the reject floor");
        }
    }

    private static final Jump DEFAULT_JUMP = new Jump(20, 5, 10.0, 0.25, 1.6);
    private static final Map<QualityRule, Verdict> DEFAULT_VERDICTS = Map.of(
            QualityRule.REQUIRED_FIELDS, Verdict.REJECTED,
            QualityRule.NON_POSITIVE_PRICE, Verdict.REJECTED,
            QualityRule.OHLC_CONSISTENCY, Verdict.REJECTED,
            QualityRule.NEGATIVE_VOLUME, Verdict.REJECTED,
            QualityRule.FUTURE_DATE, Verdict.REJECTED,
            QualityRule.TRADING_CALENDAR, Verdict.FLAGGED,
            QualityRule.JUMP, Verdict.FLAGGED,
            QualityRule.STALE_REPEAT, Verdict.FLAGGED);

    /** The defaults docs/configuration.md documents. */
    public static QualitySettings defaults() {
        return new QualitySettings(Map.of(), DEFAULT_JUMP, 3);
    }

    public Verdict verdictOf(QualityRule rule) {
        return verdicts.get(rule);
    }
}
