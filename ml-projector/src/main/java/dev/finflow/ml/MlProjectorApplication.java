package dev.finflow.ml;

import dev.finflow.runtime.store.EventStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Feature tables, forecasts, model registry and anomalies, learned from the event store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(EventStoreConfiguration.class)
public class MlProjectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlProjectorApplication.class, args);
    }
}
