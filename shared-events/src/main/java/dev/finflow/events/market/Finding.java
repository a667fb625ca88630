package dev.finflow.events.market;

import java.util.Objects;

/**
 * One quality rule's objection to a bar.
 *
 * @param rule   the rule's stable name (e.g. {@code ohlc-consistency}, {@code jump})
 * @param detail what the rule saw, for a person
 */
public record Finding(String rule, String detail) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
