package dev.finflow.command.accounts;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Keeps loaded accounts in memory while they are in use, so a busy account is not replayed per command. */
    @Bean
    Cache accountCache() {
        return new WeakReferenceCache();
    }

    /** A snapshot every N events bounds how many events loading a long-lived account replays. */
    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${finflow.accounts.snapshot-every:250}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
