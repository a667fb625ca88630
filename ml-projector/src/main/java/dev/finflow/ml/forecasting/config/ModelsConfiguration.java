package dev.finflow.ml.forecasting.config;

import dev.finflow.ml.models.ModelCatalog;
import dev.finflow.ml.models.ModelTrainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    @Bean
    List<ModelTrainer> trainers(ForecastingProperties forecasting, LstmProperties lstm) {
        return ModelCatalog.all(forecasting.intervalLevel(), lstm.settings());
    }
}
