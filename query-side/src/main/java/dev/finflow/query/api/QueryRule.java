package dev.finflow.query.api;

import dev.finflow.problems.Kind;
import dev.finflow.problems.Rule;

/**
 * Every reason the query side refuses a query, beyond the rules every service shares
 * ({@link dev.finflow.problems.RequestRule}: unknown account or instrument, invalid parameter). A new rule is one
 * constant here; the shared advice answers it.
 */
public enum QueryRule implements Rule {
    PROJECTION_NOT_FOUND("projection-not-found", Kind.NOT_FOUND, "Projection not found"),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found", Kind.NOT_FOUND, "Dead letter not found"),
    DEAD_LETTER_STILL_FAILING("dead-letter-still-failing", Kind.CONFLICT, "Dead letter still fails"),
    INGESTION_RUN_NOT_FOUND("ingestion-run-not-found", Kind.NOT_FOUND, "Ingestion run not found"),
    INVALID_DATE("invalid-date", Kind.INVALID, "Invalid date"),
    INVALID_INSTANT("invalid-instant", Kind.INVALID, "Invalid instant"),
    INVALID_LIMIT("invalid-limit", Kind.INVALID, "Invalid limit"),
    INVALID_CURSOR("invalid-cursor", Kind.INVALID, "Invalid cursor"),
    INVALID_POSITION("invalid-position", Kind.INVALID, "Invalid position"),
    PROJECTION_BEHIND("projection-behind", Kind.UNAVAILABLE, "Projection not yet at that position"),
    RELAY_TARGET_UNAVAILABLE("relay-target-unavailable", Kind.UNAVAILABLE, "The relayed service did not answer");

    private final String id;
    private final Kind kind;
    private final String title;

    QueryRule(String id, Kind kind, String title) {
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
