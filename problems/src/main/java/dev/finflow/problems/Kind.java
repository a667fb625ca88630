package dev.finflow.problems;

/**
 * The kinds of refusal, in domain words. The web layer turns each into one HTTP status
 * ({@code dev.finflow.problems.web.ProblemType}), so a rule never names a status itself.
 */
public enum Kind {
    /** The request is malformed or a value in it is not acceptable (400). */
    INVALID,
    /** The caller may see what the request names but not do this to it, e.g. write with read-only access (403). */
    FORBIDDEN,
    /** Something the request names does not exist (404). */
    NOT_FOUND,
    /** The request contradicts what was recorded before, e.g. an id reused with other content (409). */
    CONFLICT,
    /** The request carries more than one request may (413). */
    TOO_LARGE,
    /** The request is well formed, but the rules refuse it in the current state (422). */
    REFUSED,
    /** The service cannot take the request now; the same request later may succeed (503, Retry-After). */
    UNAVAILABLE
}
