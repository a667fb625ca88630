package dev.finflow.command.ingestion.runs.process;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finflow.ingestion.runs.*} in ingestion.yml.
 *
 * @param concurrency   runs executed at once (each fetches its symbols one after another)
 * @param batchSize     bars per {@code IngestBarsCommand} (at most 10,000: one command, one transaction)
 * @param commandTimeout how long one command to the write model may take
 */
@ConfigurationProperties("finflow.ingestion.runs")
record RunProperties(int concurrency, int batchSize, Duration commandTimeout, Retry retry, Webhook webhook) {

    public static final int MAX_BATCH = 10_000;

    public RunProperties {
        concurrency = concurrency <= 0 ? 2 : concurrency;
        batchSize = batchSize <= 0 ? MAX_BATCH : Math.min(batchSize, MAX_BATCH);
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
        retry = retry == null ? new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5) : retry;
        webhook = webhook == null ? new Webhook("", Duration.ofSeconds(5)) : webhook;
    }

    /**
     * Exponential backoff with jitter on one provider before falling back to the next.
     *
     * @param maxAttempts attempts per provider (1 = no retry)
     * @param jitter      the share of each delay that is random (0 = none, 1 = anywhere from 0 to the delay)
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                        double jitter) {
    }

    /** Where a failed run is announced (POSTed as JSON); blank for nowhere. */
    public record Webhook(String url, Duration timeout) {
    }
}
