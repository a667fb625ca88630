package dev.finflow.command.ingestion.gaps;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code finflow.ingestion.gaps.*} in ingestion.yml.
 *
 * @param cron         when the scheduled gap check runs (Spring cron, in the schedule's zone)
 * @param lookbackDays how far back the scheduled check looks
 * @param holidays     exchange holidays on top of weekends: days without bars that are not gaps
 */
@ConfigurationProperties("finflow.ingestion.gaps")
public record GapProperties(boolean enabled, String cron, int lookbackDays, List<LocalDate> holidays) {

    public GapProperties {
        cron = cron == null ? "0 0 6 * * *" : cron;
        lookbackDays = lookbackDays <= 0 ? 365 : lookbackDays;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
