package dev.finflow.events.market;

import java.util.List;

/** A bar that was kept ({@link Verdict#ACCEPTED} or {@link Verdict#FLAGGED}) with the findings behind a flag. */
public record IngestedBar(Bar bar, Verdict verdict, List<Finding> findings) {

    public IngestedBar {
        findings = List.copyOf(findings);
        if (verdict == Verdict.REJECTED) {
            throw new IllegalArgumentException("a rejected bar is quarantined, not ingested");
        }
    }
}
