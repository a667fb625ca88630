package dev.finflow.problems.web;

import org.springframework.http.HttpStatus;

/**
 * Problems the web layer answers on its own, before or instead of any controller: routes, methods and media
 * types no endpoint serves, oversized request lines and headers, and failures no rule names.
 */
public enum HttpProblem {
    ROUTE_NOT_FOUND("route-not-found", HttpStatus.NOT_FOUND, "No endpoint serves this path"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "The endpoint does not serve this method"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "The endpoint cannot answer in an accepted media type"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The endpoint does not read this content type"),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "The request URI is too long"),
    HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "The request headers are too large"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");

    private final ProblemType type;

    HttpProblem(String rule, HttpStatus status, String title) {
        this.type = new ProblemType(rule, title, status);
    }

    public ProblemType type() {
        return type;
    }

    /** The problem of a framework status, or null when none is registered for it. */
    static HttpProblem forStatus(int status) {
        for (HttpProblem problem : values()) {
            if (problem.type.status().value() == status) {
                return problem;
            }
        }
        return null;
    }
}
