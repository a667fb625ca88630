package dev.finflow.ml.api;

/** Every reason the ml API refuses a request, with a stable problem {@code type} and HTTP status. */
public enum Problem {
    INVALID_PARAMETER("invalid-parameter", 400, "A query parameter has an invalid value"),
    UNKNOWN_SYMBOL("unknown-symbol", 404, "No bars of this symbol have reached the ml-projector"),
    UNKNOWN_MODEL("unknown-model", 404, "No such model version");

    private static final String BASE = "https://finflow.dev/problems/";

    private final String id;
    private final int status;
    private final String title;

    Problem(String id, int status, String title) {
        this.id = id;
        this.status = status;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public java.net.URI type() {
        return java.net.URI.create(BASE + id);
    }

    public ApiProblem because(String detail) {
        return new ApiProblem(this, detail, null);
    }

    public ApiProblem atParameter(String parameter, String detail) {
        return new ApiProblem(this, detail, parameter);
    }
}
