package dev.finflow.events.market;

import java.util.List;

/** A rejected bar as it arrived, with every finding that rejected it. Never applied to prices. */
public record QuarantinedBar(RawBar raw, List<Finding> findings) {

    public QuarantinedBar {
        findings = List.copyOf(findings);
    }
}
