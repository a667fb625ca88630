package dev.finflow.ml.api;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.events.values.Symbol;

/** Path symbols: upper-cased and checked against the ticker format before any query runs. */
public final class Symbols {

    private Symbols() {
    }

    public static String parse(String raw) {
        try {
            return new Symbol(raw.toUpperCase(java.util.Locale.ROOT)).value();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, e.getMessage(), "symbol");
        }
    }
}
