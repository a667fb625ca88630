package dev.finflow.ml.forecasting;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the forecasting cycle on its interval, and marks every symbol for retraining on the cron schedule. */
@Component
class ForecastScheduler {

    private final ForecastingService service;

    ForecastScheduler(ForecastingService service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${finflow.ml.forecasting.interval:PT5S}",
            initialDelayString = "${finflow.ml.forecasting.interval:PT5S}")
    void cycle() {
        service.cycle();
    }

    @Scheduled(cron = "${finflow.ml.retraining.cron:0 0 2 * * *}")
    void retrainOnSchedule() {
        service.retrainAll();
    }
}
