package dev.finflow.ml.api;

import dev.finflow.problems.Kind;
import dev.finflow.problems.Rule;

/**
 * Every reason the ml API refuses a request, beyond the rules every service shares
 * ({@link dev.finflow.problems.RequestRule}, such as {@code invalid-parameter}). A new rule is one constant here;
 * the shared advice answers it.
 */
public enum MlRule implements Rule {
    UNKNOWN_SYMBOL("unknown-symbol", Kind.NOT_FOUND, "No bars of this symbol have reached the ml-projector"),
    UNKNOWN_MODEL("unknown-model", Kind.NOT_FOUND, "No such model version"),
    PROCESSOR_NOT_FOUND("processor-not-found", Kind.NOT_FOUND, "Processor not found"),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found", Kind.NOT_FOUND, "Dead letter not found"),
    DEAD_LETTER_STILL_FAILING("dead-letter-still-failing", Kind.CONFLICT, "Dead letter still fails");

    private final String id;
    private final Kind kind;
    private final String title;

    MlRule(String id, Kind kind, String title) {
        this.id = id;
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
