package dev.finflow.ml.forecasting.process;

import dev.finflow.runtime.store.OncePerCluster;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Runs the forecasting cycle on its interval (each replica over its share of the symbols), and marks every symbol
 * for retraining on the cron schedule (on one replica per firing).
 */
@Component
class ForecastScheduler {

    private final ForecastingService service;
    private final OncePerCluster cluster;

    ForecastScheduler(ForecastingService service, OncePerCluster cluster) {
        this.service = service;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelayString = "${finflow.ml.forecasting.interval:PT5S}",
            initialDelayString = "${finflow.ml.forecasting.interval:PT5S}")
    void cycle() {
        service.cycle();
    }

    @Scheduled(cron = "${finflow.ml.retraining.cron:0 0 2 * * *}")
    void retrainOnSchedule() {
        // Once per cluster: a replica whose clock is late must not ask again after the owners have retrained.
        cluster.run("ml-retraining", Duration.ofMinutes(10), Duration.ofMinutes(1), service::retrainAll);
    }
}
