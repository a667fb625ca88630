package dev.finflow.command.ingestion.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code finflow.ingestion.providers.*} in ingestion.yml: which providers exist, their addresses and their
 * request rates.
 *
 * @param order   the providers a run tries, in this order, when it names none
 * @param timeout the longest one provider call may take, end to end
 */
@ConfigurationProperties("finflow.ingestion.providers")
public record ProviderProperties(List<String> order, Duration timeout, Yahoo yahoo, Stooq stooq, Csv csv,
                                 Synthetic synthetic) {

    public ProviderProperties {
        order = order == null ? List.of() : List.copyOf(order);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
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
