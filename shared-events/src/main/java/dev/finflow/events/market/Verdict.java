package dev.finflow.events.market;

/** The outcome of the quality rules for one bar. */
public enum Verdict {
    /** Passed every rule. */
    ACCEPTED,
    /** Kept and applied to prices, with the reasons it looks suspicious. */
    FLAGGED,
    /** Quarantined: recorded, never applied to prices. */
    REJECTED
}
