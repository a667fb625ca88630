package dev.finflow.command.instruments.domain.quality;

/**
 * The named quality rules a bar passes. The names are stable: they appear in stored findings, the query side
 * counts verdicts by them and configuration refers to them. Duplicates and revisions are outcomes, not
 * findings: a duplicate stores nothing, a revision is a correction event.
 */
public enum QualityRule {
    REQUIRED_FIELDS("required-fields"),
    NON_POSITIVE_PRICE("non-positive-price"),
    OHLC_CONSISTENCY("ohlc-consistency"),
    NEGATIVE_VOLUME("negative-volume"),
    FUTURE_DATE("future-date"),
    TRADING_CALENDAR("trading-calendar"),
    JUMP("jump"),
    STALE_REPEAT("stale-repeat");

    private final String id;

    QualityRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
