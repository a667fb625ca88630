package dev.finflow.command.accounts.config;

import dev.finflow.runtime.dispatch.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Keeps recently used accounts in memory, so a command does not replay its account from the store. */
    @Bean
    Cache accountCache(@Value("${finflow.accounts.cache-size:10000}") long size) {
        return new AggregateCache(size);
    }

    /** A snapshot every N events bounds how many events loading a long-lived account replays. */
    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${finflow.accounts.snapshot-every:250}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
