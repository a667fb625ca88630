package dev.finflow.ml.forecasting.config;

import dev.finflow.runtime.store.OncePerCluster;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Scheduled retraining runs on one replica per firing, with its lock in {@code ml.cluster_lock}. */
@Configuration(proxyBeanMethods = false)
class ReplicasConfiguration {

    @Bean
    OncePerCluster oncePerCluster(DataSource dataSource, MeterRegistry meters) {
        return OncePerCluster.on(dataSource, "ml.cluster_lock", meters);
    }
}
