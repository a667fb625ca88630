package dev.finflow.command.ingestion.providers;

import java.time.Duration;

/**
 * Why a provider delivered nothing usable. The kind decides what a run does next: a transient failure is retried
 * on the same provider, a lasting one moves the run on to the next provider at once.
 */
public class ProviderFailure extends RuntimeException {

    /**
     * The failure modes every provider maps its errors to. Retryable ones are tried again on the same provider;
     * those that say the provider itself is failing (5xx, timeout, refused or reset connection, cut body) count
     * against its circuit breaker. An answer about our request (no data, 4xx, credentials, rate limit, a body we
     * cannot read) shows the provider is up, and counts as a successful call.
     */
    public enum Kind {
        /** 401/403: credentials (cookie, crumb, key) missing or refused. */
        UNAUTHORIZED(false, false),
        /** 429: too many requests; {@link #retryAfter()} says how long the provider asked us to wait. */
        RATE_LIMITED(true, false),
        /** 5xx: the provider is down or overloaded. */
        SERVER_ERROR(true, true),
        /** No complete answer within the configured timeout. */
        TIMEOUT(true, true),
        /** Connection refused or reset. */
        NETWORK(true, true),
        /** The body ended before its declared length or mid-record. */
        TRUNCATED(true, true),
        /** A body that is not the expected data (an HTML page, other JSON). */
        MALFORMED(false, false),
        /** The provider has no bars for the range (or does not know the symbol). */
        NO_DATA(false, false),
        /** Another 4xx: the request itself is wrong for this provider. */
        CLIENT_ERROR(false, false),
        /** The provider's circuit breaker is open: not called at all, the run falls back at once. */
        CIRCUIT_OPEN(false, false);

        private final boolean transientFailure;
        private final boolean providerDown;

        Kind(boolean transientFailure, boolean providerDown) {
            this.transientFailure = transientFailure;
            this.providerDown = providerDown;
        }

        public boolean retryable() {
            return transientFailure;
        }

        /** Whether this failure counts against the provider's circuit breaker. */
        public boolean providerDown() {
            return providerDown;
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
