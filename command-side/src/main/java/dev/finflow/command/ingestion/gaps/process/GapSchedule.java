package dev.finflow.command.ingestion.gaps.process;

import dev.finflow.command.ingestion.watchlists.WatchlistProperties;
import dev.finflow.command.ingestion.watchlists.Watchlists;
import dev.finflow.runtime.store.OncePerCluster;
import dev.finflow.events.values.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Checks every watchlist symbol for gaps on a cron schedule, over the configured look-back up to yesterday
 * (today's bar may not be final), and starts backfill runs for what is missing. With several replicas the check
 * runs on the one that takes its lock ({@link OncePerCluster}).
 */
@Component
@ConditionalOnProperty(name = "finflow.ingestion.gaps.enabled", havingValue = "true")
class GapSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapSchedule.class);

    private final GapBackfill backfill;
    private final Watchlists watchlists;
    private final GapProperties properties;
    private final ZoneId zone;
    private final OncePerCluster cluster;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean running;

    GapSchedule(GapBackfill backfill, Watchlists watchlists, GapProperties properties,
                @Value("${finflow.ingestion.schedule.zone:UTC}") String zone, OncePerCluster cluster) {
        this.backfill = backfill;
        this.cluster = cluster;
        this.watchlists = watchlists;
        this.properties = properties;
        this.zone = ZoneId.of(zone);
        scheduler.setThreadNamePrefix("gap-check-");
        scheduler.setDaemon(true);
    }

    void check() {
        LocalDate today = LocalDate.now(zone);
        for (WatchlistProperties.Watchlist watchlist : watchlists.all()) {
            for (String symbol : watchlist.symbols()) {
                try {
                    backfill.backfill(new Symbol(symbol), watchlist.providers(),
                            today.minusDays(properties.lookbackDays()), today.minusDays(1), today);
                } catch (RuntimeException failure) {
                    log.warn("gap check of {} failed: {}", symbol, failure.toString());
                }
            }
        }
    }

    @Override
    public void start() {
        scheduler.initialize();
        scheduler.schedule(() -> cluster.run("gap-check", Duration.ofHours(1), Duration.ofMinutes(1), this::check),
                new CronTrigger(properties.cron(), zone));
        running = true;
    }

    @Override
    public void stop() {
        scheduler.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
