package dev.finflow.command.cluster;

import dev.finflow.runtime.store.OncePerCluster;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * What replicas of the command side coordinate through the database: scheduled jobs (watchlists, gap checks,
 * freshness checks) run on one instance per firing, with their locks in {@code command.cluster_lock}.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    OncePerCluster oncePerCluster(DataSource dataSource, MeterRegistry meters) {
        return OncePerCluster.on(dataSource, "command.cluster_lock", meters);
    }
}
