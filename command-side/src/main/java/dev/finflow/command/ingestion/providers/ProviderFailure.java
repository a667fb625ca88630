package dev.finflow.command.ingestion.providers;

import java.time.Duration;

/**
 * Why a provider delivered nothing usable. The kind decides what a run does next: a transient failure is retried
 * on the same provider, a lasting one moves the run on to the next provider at once.
 */
public class ProviderFailure extends RuntimeException {

    /** The failure modes every provider maps its errors to. */
    public enum Kind {
        /** 401/403: credentials (cookie, crumb, key) missing or refused. */
        UNAUTHORIZED(false),
        /** 429: too many requests; {@link #retryAfter()} says how long the provider asked us to wait. */
        RATE_LIMITED(true),
        /** 5xx: the provider is down or overloaded. */
        SERVER_ERROR(true),
        /** No complete answer within the configured timeout. */
        TIMEOUT(true),
        /** Connection refused or reset. */
        NETWORK(true),
        /** The body ended before its declared length or mid-record. */
        TRUNCATED(true),
        /** A body that is not the expected data (an HTML page, other JSON). */
        MALFORMED(false),
        /** The provider has no bars for the range (or does not know the symbol). */
        NO_DATA(false),
        /** Another 4xx: the request itself is wrong for this provider. */
        CLIENT_ERROR(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean retryable() {
            return transientFailure;
        }
    }

    private final String provider;
    private final Kind kind;
    private final Duration retryAfter;

    public ProviderFailure(String provider, Kind kind, String detail) {
        this(provider, kind, detail, null, null);
    }

    public ProviderFailure(String provider, Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(provider + " " + kind + ": " + detail, cause);
        this.provider = provider;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The wait a 429 asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
