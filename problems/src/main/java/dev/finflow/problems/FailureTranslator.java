package dev.finflow.problems;

/**
 * Names the rule behind a failure the shared advice cannot know: a framework exception of one service (Axon's
 * aggregate not found, say) or a wrapper of its own. A service contributes one as a bean; the advice asks every
 * translator before it falls back to a 500.
 */
@FunctionalInterface
public interface FailureTranslator {

    /** The rule the failure breaks, or null when this translator does not know the failure. */
    RuleViolation translate(Throwable failure);
}
