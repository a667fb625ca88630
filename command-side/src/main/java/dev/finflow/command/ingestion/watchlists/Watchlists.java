package dev.finflow.command.ingestion.watchlists;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The configured watchlists, by name. */
@Component
public class Watchlists {

    private final WatchlistProperties properties;

    Watchlists(WatchlistProperties properties) {
        this.properties = properties;
    }

    public Optional<WatchlistProperties.Watchlist> find(String name) {
        return properties.watchlists().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public List<WatchlistProperties.Watchlist> all() {
        return properties.watchlists();
    }

    public int lookbackDays() {
        return properties.lookbackDays();
    }
}
