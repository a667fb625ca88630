package dev.finflow.problems;

/**
 * Rules every Finflow service applies: the shape and size of a request, the accounts and instruments it names
 * (both served by more than one service), and the service's capacity. Defined once here so that each
 * {@code type} URI has one definition.
 */
public enum RequestRule implements Rule {
    MALFORMED_REQUEST("malformed-request", Kind.INVALID, "The request body is not valid JSON of the expected shape"),
    MISSING_FIELD("missing-field", Kind.INVALID, "A required field is missing"),
    INVALID_FIELD("invalid-field", Kind.INVALID, "A field has an invalid value"),
    INVALID_PARAMETER("invalid-parameter", Kind.INVALID, "A parameter has an invalid value"),
    PAYLOAD_TOO_LARGE("payload-too-large", Kind.TOO_LARGE, "The request body is too large"),
    ACCOUNT_NOT_FOUND("account-not-found", Kind.NOT_FOUND, "No such account"),
    INSTRUMENT_NOT_FOUND("instrument-not-found", Kind.NOT_FOUND, "No such instrument"),
    UNAVAILABLE("unavailable", Kind.UNAVAILABLE, "The service cannot take the request now");

    private final String id;
    private final Kind kind;
    private final String title;

    RequestRule(String id, Kind kind, String title) {
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
