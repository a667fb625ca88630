package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.Verdict;

import java.util.List;

/**
 * The rules' answer for one bar.
 *
 * @param bar the parsed bar, or null when its fields could not be read (then the verdict is REJECTED)
 */
public record Judgement(Bar bar, Verdict verdict, List<Finding> findings) {

    public Judgement {
        findings = List.copyOf(findings);
    }
}
