package dev.finflow.command.instruments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Instruments: calendars per exchange, aggregate caching and snapshots, the request limits of the bar API.
 *
 * @param calendars     trading calendar per exchange code (upper case); exchanges not listed trade on weekdays
 * @param snapshotEvery an Instrument snapshot every this many events (a batch of bars is one event)
 * @param cacheSize     how many recently used instruments stay loaded in memory
 * @param zone          the time zone whose calendar says what "today" is for the future-date rule
 * @param maxBodyBytes  the largest bar upload (JSON or CSV) the API reads
 */
@ConfigurationProperties("finflow.instruments")
record InstrumentProperties(Map<String, Calendar> calendars,
                            @DefaultValue("20") int snapshotEvery,
                            @DefaultValue("1000") long cacheSize,
                            @DefaultValue("UTC") ZoneId zone,
                            @DefaultValue("8388608") int maxBodyBytes) {

    InstrumentProperties {
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    }

    /**
     * @param weekend  days of the week without trading (default Saturday and Sunday)
     * @param holidays ISO dates without trading
     */
    record Calendar(List<DayOfWeek> weekend, List<String> holidays) {
    }
}
