package dev.finflow.command.instruments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * Instruments: aggregate caching and snapshots, the request limits of the bar API. (The calendars under the same
 * prefix are the calendar package's.)
 *
 * @param snapshotEvery an Instrument snapshot every this many events (a batch of bars is one event)
 * @param cacheSize     how many recently used instruments stay loaded in memory
 * @param zone          the time zone whose calendar says what "today" is for the future-date rule
 * @param maxBodyBytes  the largest bar upload (JSON or CSV) the API reads
 */
@ConfigurationProperties("finflow.instruments")
public record InstrumentProperties(@DefaultValue("20") int snapshotEvery,
                            @DefaultValue("1000") long cacheSize,
                            @DefaultValue("UTC") ZoneId zone,
                            @DefaultValue("8388608") int maxBodyBytes) {
}
