package dev.finflow.command.ingestion.providers;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Maps HTTP statuses and I/O errors to {@link ProviderFailure} kinds, the same way for every HTTP provider. */
final class HttpFailures {

    private HttpFailures() {
    }

    static ProviderFailure status(String provider, int status, String retryAfterHeader, String url) {
        String detail = "HTTP " + status + " from " + url;
        if (status == 401 || status == 403) {
            return new ProviderFailure(provider, ProviderFailure.Kind.UNAUTHORIZED, detail);
        }
        if (status == 429) {
            return new ProviderFailure(provider, ProviderFailure.Kind.RATE_LIMITED, detail,
                    retryAfter(retryAfterHeader), null);
        }
        if (status == 404) {
            return new ProviderFailure(provider, ProviderFailure.Kind.NO_DATA, detail);
        }
        if (status >= 500) {
            return new ProviderFailure(provider, ProviderFailure.Kind.SERVER_ERROR, detail);
        }
        return new ProviderFailure(provider, ProviderFailure.Kind.CLIENT_ERROR, detail);
    }

    static ProviderFailure io(String provider, IOException failure, String url) {
        String detail = failure.getClass().getSimpleName() + " " + failure.getMessage() + " from " + url;
        if (failure instanceof SocketTimeoutException || failure instanceof HttpTimeoutException) {
            return new ProviderFailure(provider, ProviderFailure.Kind.TIMEOUT, detail, null, failure);
        }
        if (failure instanceof EOFException || String.valueOf(failure.getMessage()).contains("EOF")
                || String.valueOf(failure.getMessage()).contains("content-length")) {
            return new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, detail, null, failure);
        }
        return new ProviderFailure(provider, ProviderFailure.Kind.NETWORK, detail, null, failure);
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME
                        .withLocale(Locale.ROOT));
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
