package dev.finflow.query.api;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** Every way a query can be refused, each with a stable problem {@code type} clients can rely on. */
public enum Problem {
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "account-not-found", "Account not found"),
    PROJECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "projection-not-found", "Projection not found"),
    INVALID_DATE(HttpStatus.BAD_REQUEST, "invalid-date", "Invalid date"),
    INVALID_LIMIT(HttpStatus.BAD_REQUEST, "invalid-limit", "Invalid limit"),
    INVALID_CURSOR(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor"),
    INVALID_POSITION(HttpStatus.BAD_REQUEST, "invalid-position", "Invalid position"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter"),
    PROJECTION_BEHIND(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", "Projection not yet at that position");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    Problem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create("https://finflow.dev/problems/" + slug);
    }

    public String title() {
        return title;
    }
}
