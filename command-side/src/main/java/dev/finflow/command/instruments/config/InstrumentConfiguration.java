package dev.finflow.command.instruments.config;

import dev.finflow.runtime.dispatch.AggregateCache;
import dev.finflow.command.instruments.domain.quality.MarketRules;
import dev.finflow.events.calendar.TradingCalendars;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Instruments: cache, snapshots, the rules resource, and the schedule of the freshness check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InstrumentConfiguration {

    /** Keeps recently used instruments (and their bar books) in memory, so a batch does not replay its history. */
    @Bean
    Cache instrumentCache(InstrumentProperties properties) {
        return new AggregateCache(properties.cacheSize());
    }

    /** Every N events a snapshot: loading an instrument then replays at most N batches. */
    @Bean
    SnapshotTriggerDefinition instrumentSnapshotTrigger(Snapshotter snapshotter, InstrumentProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotEvery());
    }

    /** The rules and calendars the Instrument's command handlers receive as a resource. */
    @Bean
    MarketRules marketRules(QualityProperties quality, TradingCalendars calendars) {
        return new MarketRules(quality.settings(), calendars);
    }
}
