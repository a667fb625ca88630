package dev.finflow.command.ingestion.schedule.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code finflow.ingestion.schedule.*} in ingestion.yml.
 *
 * @param enabled whether watchlists run on their cron schedules (off by default: they reach the internet)
 * @param zone    the time zone the cron expressions are read in and whose date is "today"
 */
@ConfigurationProperties("finflow.ingestion.schedule")
public record ScheduleProperties(boolean enabled, String zone) {

    public ScheduleProperties {
        zone = zone == null || zone.isBlank() ? "UTC" : zone;
    }
}
