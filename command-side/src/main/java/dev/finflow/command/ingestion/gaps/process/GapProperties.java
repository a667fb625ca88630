package dev.finflow.command.ingestion.gaps.process;

import org.springframework.boot.context.properties.ConfigurationProperties;


/**
 * {@code finflow.ingestion.gaps.*} in ingestion.yml.
 *
 * @param cron         when the scheduled gap check runs (Spring cron, in the schedule's zone)
 * @param lookbackDays how far back the scheduled check looks; the days that should have bars are those of the
 *                     symbol's exchange calendar ({@code dev.finflow.events.calendar})
 */
@ConfigurationProperties("finflow.ingestion.gaps")
record GapProperties(boolean enabled, String cron, int lookbackDays) {

    public GapProperties {
        cron = cron == null ? "0 0 6 * * *" : cron;
        lookbackDays = lookbackDays <= 0 ? 365 : lookbackDays;
    }
}
