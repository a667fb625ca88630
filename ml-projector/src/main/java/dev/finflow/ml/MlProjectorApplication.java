package dev.finflow.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Feature tables, forecasts, model registry and anomalies, learned from the event store. */
@SpringBootApplication
public class MlProjectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlProjectorApplication.class, args);
    }
}
