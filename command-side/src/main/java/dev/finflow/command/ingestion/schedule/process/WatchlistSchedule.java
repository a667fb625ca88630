package dev.finflow.command.ingestion.schedule.process;

import dev.finflow.command.ingestion.schedule.config.ScheduleProperties;
import dev.finflow.command.ingestion.runs.process.IngestionRuns;
import dev.finflow.command.ingestion.runs.process.RunPlanner;
import dev.finflow.command.ingestion.watchlists.WatchlistProperties;
import dev.finflow.command.ingestion.watchlists.Watchlists;
import dev.finflow.runtime.store.OncePerCluster;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Runs each watchlist on its cron expression: a run over the look-back window up to today. Every replica fires
 * the schedule, and the one that takes the watchlist's lock ({@link OncePerCluster}) starts the run; besides, the
 * run id is the watchlist and the minute it fired, so a firing that gets through twice (a clock step, a lock
 * expired under a very slow start) still starts one run.
 */
@Component
@ConditionalOnProperty(name = "finflow.ingestion.schedule.enabled", havingValue = "true")
class WatchlistSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchlistSchedule.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private final Watchlists watchlists;
    private final RunPlanner planner;
    private final IngestionRuns runs;
    private final ZoneId zone;
    private final OncePerCluster cluster;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean running;

    WatchlistSchedule(Watchlists watchlists, RunPlanner planner, IngestionRuns runs, ScheduleProperties properties,
                      OncePerCluster cluster) {
        this.watchlists = watchlists;
        this.cluster = cluster;
        this.planner = planner;
        this.runs = runs;
        this.zone = ZoneId.of(properties.zone());
        scheduler.setThreadNamePrefix("watchlist-");
        scheduler.setDaemon(true);
    }

    /** One firing of the watchlist's schedule, on whichever replica takes its lock first. */
    void fireOnce(WatchlistProperties.Watchlist watchlist) {
        // Held at least a minute: a replica whose clock is late must not start the minute's run again.
        cluster.run("watchlist-" + watchlist.name(), Duration.ofMinutes(10), Duration.ofMinutes(1),
                () -> fire(watchlist));
    }

    void fire(WatchlistProperties.Watchlist watchlist) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate today = now.toLocalDate();
        String runId = "watchlist-" + watchlist.name() + "-" + MINUTE.format(now);
        try {
            StartIngestionRunCommand command = planner.plan(runId, RunTrigger.SCHEDULE, watchlist.name(), List.of(),
                    today.minusDays(watchlists.lookbackDays()), today, List.of());
            runs.start(command, MetaData.from(Map.of(MetadataKeys.PRINCIPAL, "scheduler",
                    MetadataKeys.CORRELATION_ID, runId, MetadataKeys.SOURCE, "schedule")))
                    .block(Duration.ofSeconds(30));
        } catch (RuntimeException failure) {
            log.warn("scheduled run {} could not start: {}", runId, failure.toString());
        }
    }

    @Override
    public void start() {
        scheduler.initialize();
        for (WatchlistProperties.Watchlist watchlist : watchlists.all()) {
            scheduler.schedule(() -> fireOnce(watchlist), new CronTrigger(watchlist.cron(), zone));
            log.info("watchlist {} scheduled on '{}' ({})", watchlist.name(), watchlist.cron(), zone);
        }
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
