package dev.finflow.command.ingestion.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code finflow.ingestion.providers.*} in ingestion.yml: which providers exist, their addresses, their
 * request rates and when their circuit breakers open.
 *
 * @param order          the providers a run tries, in this order, when it names none
 * @param timeout        the longest one provider call may take, end to end
 * @param circuitBreaker when a provider's breaker opens and for how long (the same for every provider)
 */
@ConfigurationProperties("finflow.ingestion.providers")
public record ProviderProperties(List<String> order, Duration timeout, Yahoo yahoo, Stooq stooq, Csv csv,
                                 Synthetic synthetic, Circuit circuitBreaker) {

    public ProviderProperties {
        order = order == null ? List.of() : List.copyOf(order);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        circuitBreaker = circuitBreaker == null ? new Circuit(0, 0, 0, null) : circuitBreaker;
    }

    /**
     * A provider's circuit breaker: it opens when at least {@code failureRateThreshold} percent of its last
     * {@code slidingWindow} calls failed (once {@code minimumCalls} were made), stays open for
     * {@code waitInOpenState}, then lets one trial call through, which closes it again or reopens it.
     */
    public record Circuit(float failureRateThreshold, int minimumCalls, int slidingWindow,
                          Duration waitInOpenState) {

        public Circuit {
            failureRateThreshold = failureRateThreshold <= 0 || failureRateThreshold > 100 ? 50
                    : failureRateThreshold;
            minimumCalls = minimumCalls <= 0 ? 10 : minimumCalls;
            slidingWindow = Math.max(slidingWindow <= 0 ? 20 : slidingWindow, minimumCalls);
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(60) : waitInOpenState;
        }
    }

    /** A token bucket: {@code burst} calls at once, then {@code ratePerSecond} on average. */
    public record Rate(double ratePerSecond, int burst) {
    }

    public record Yahoo(boolean enabled, String chartUrl, String scrapeUrl, String crumbUrl, String crumb,
                        String cookie, Rate rate) {
    }

    public record Stooq(boolean enabled, String baseUrl, String suffix, Rate rate) {
    }

    public record Csv(boolean enabled, String directory, Rate rate) {
    }

    public record Synthetic(boolean enabled, long seed, Rate rate) {
    }
}
