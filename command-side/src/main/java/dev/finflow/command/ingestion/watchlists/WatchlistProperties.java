package dev.finflow.command.ingestion.watchlists;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code finflow.ingestion.watchlists} in ingestion.yml: named lists of symbols fetched on a cron schedule.
 *
 * @param lookbackDays how many days before today a scheduled run asks for, so a missed day is picked up
 */
@ConfigurationProperties("finflow.ingestion")
public record WatchlistProperties(List<Watchlist> watchlists, int lookbackDays) {

    public WatchlistProperties {
        watchlists = watchlists == null ? List.of() : List.copyOf(watchlists);
        lookbackDays = lookbackDays <= 0 ? 7 : lookbackDays;
    }

    /**
     * @param cron      Spring cron expression (second minute hour day month weekday) in the schedule's zone
     * @param providers the providers to try in order; empty for the configured default order
     */
    public record Watchlist(String name, List<String> symbols, String cron, List<String> providers) {

        public Watchlist {
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
            providers = providers == null ? List.of() : List.copyOf(providers);
        }
    }
}
