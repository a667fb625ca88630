package dev.finflow.command.ingestion.runs;

import dev.finflow.command.ingestion.providers.ProviderProperties;

import java.util.concurrent.TimeUnit;

/**
 * A provider's request rate: up to {@code burst} calls at once, refilled at {@code ratePerSecond}. Shared by every
 * run, so parallel runs together stay within what the provider allows.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(ProviderProperties.Rate rate) {
        this.capacity = Math.max(1, rate.burst());
        this.perNano = rate.ratePerSecond() / TimeUnit.SECONDS.toNanos(1);
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** Takes a token, waiting for one if the bucket is empty. */
    void acquire() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
