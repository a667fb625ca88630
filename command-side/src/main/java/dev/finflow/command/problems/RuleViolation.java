package dev.finflow.command.problems;

/**
 * A request refused by a named {@link Rule}. Thrown by aggregates before they apply anything, and by the API's
 * request mapping, so a refusal never leaves a partial write behind.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String detail) {
        this(rule, detail, null);
    }

    public RuleViolation(Rule rule, String detail, String field) {
        super(detail, null, false, false);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    /** The request field at fault, or null when the rule is about state rather than one field. */
    public String field() {
        return field;
    }
}
