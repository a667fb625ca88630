package dev.finflow.command.ingestion.runs.process;

import dev.finflow.command.ingestion.providers.ProviderProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each provider's request rate as one token bucket in {@code command.provider_rate}, shared by every run on every
 * command-side replica: N replicas together still send a provider at most {@code burst} calls at once and
 * {@code ratePerSecond} on average, which a bucket per JVM would multiply by N. Taking a token is one atomic
 * UPDATE on the provider's row (refill by the database's clock, then take); when the bucket is empty the token
 * is taken in advance and the caller sleeps until it is due, so callers are served in the order they asked.
 */
@Component
class ProviderRates {

    private static final String TAKE = "update command.provider_rate"
            + " set tokens = least(?, tokens + extract(epoch from clock_timestamp() - refilled_at) * ?) - 1,"
            + " refilled_at = clock_timestamp() where provider = ? returning tokens";
    private static final String CREATE = "insert into command.provider_rate (provider, tokens, refilled_at)"
            + " values (?, ?, clock_timestamp()) on conflict (provider) do nothing";

    private final JdbcTemplate jdbc;

    ProviderRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a token of {@code provider}'s bucket, waiting for one if the bucket is empty. */
    void acquire(String provider, ProviderProperties.Rate rate) throws InterruptedException {
        double capacity = Math.max(1, rate.burst());
        List<Double> left = take(provider, capacity, rate.ratePerSecond());
        if (left.isEmpty()) {
            jdbc.update(CREATE, provider, capacity);
            left = take(provider, capacity, rate.ratePerSecond());
        }
        double tokens = left.get(0);
        if (tokens < 0) {
            TimeUnit.NANOSECONDS.sleep((long) Math.ceil(-tokens / rate.ratePerSecond() * 1e9));
        }
    }

    private List<Double> take(String provider, double capacity, double perSecond) {
        return jdbc.queryForList(TAKE, Double.class, capacity, perSecond, provider);
    }
}
