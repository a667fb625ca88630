package dev.finflow.problems;

/**
 * A request refused by a named {@link Rule}: which rule, why ({@link #getMessage()}), and where in the request
 * ({@link #field()}, {@link #index()}). Thrown before anything is written, so a refusal never leaves a partial
 * write behind. It knows no HTTP; the shared problem advice renders it.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;
    private final Integer index;

    public RuleViolation(Rule rule, String detail) {
        this(rule, detail, null, null);
    }

    public RuleViolation(Rule rule, String detail, String field) {
        this(rule, detail, field, null);
    }

    private RuleViolation(Rule rule, String detail, String field, Integer index) {
        super(detail, null, false, false);
        this.rule = rule;
        this.field = field;
        this.index = index;
    }

    /** The same refusal, for the item at {@code index} of a batch, with a detail that says so. */
    public RuleViolation atIndex(int index, String detail) {
        return new RuleViolation(rule, detail, field, index);
    }

    public Rule rule() {
        return rule;
    }

    /** The request field or parameter at fault, or null when the rule is about state rather than one field. */
    public String field() {
        return field;
    }

    /** The zero-based position of the refused item in a batch, or null outside batches. */
    public Integer index() {
        return index;
    }
}
