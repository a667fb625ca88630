package dev.finflow.command.ingestion.runs.process;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: the n-th retry waits initial x multiplier^(n-1), at most the maximum, less a
 * random share so that runs failing together do not retry together. A provider's Retry-After is honoured; one
 * asking for longer than the maximum makes the run move on instead of waiting.
 */
final class Backoff {

    private final RunProperties.Retry retry;
    private final Random random;

    Backoff(RunProperties.Retry retry, Random random) {
        this.retry = retry;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1-based), or null when the provider asks for too long. */
    Duration delay(int attempt, Duration retryAfter) {
        double base = retry.initialBackoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        double capped = Math.min(base, retry.maxBackoff().toMillis());
        long jittered = Math.round(capped * (1 - retry.jitter() * random.nextDouble()));
        Duration wait = Duration.ofMillis(jittered);
        if (retryAfter != null) {
            if (retryAfter.compareTo(retry.maxBackoff()) > 0) {
                return null;
            }
            return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
        }
        return wait;
    }
}
