package dev.finflow.problems;

/**
 * A named rule a request can break. The {@link #id()} is part of the API: it is the {@code rule} member of the
 * problem detail and the last segment of its {@code type} URI, so clients match on it and it never changes.
 * A rule says what {@link Kind} of refusal it is, never an HTTP status: the web layer decides that, so domain
 * code that names rules stays free of HTTP.
 *
 * <p>Each service keeps its rules in one enum implementing this interface; adding a rule is one constant there.
 */
public interface Rule {

    /** Stable, kebab-case name of the rule, e.g. {@code insufficient-cash}. */
    String id();

    /** Why the request cannot be carried out; the web layer maps it to a status. */
    Kind kind();

    /** One short human sentence naming the rule; the same for every occurrence. */
    String title();
}
