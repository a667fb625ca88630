package dev.finflow.ml.api;

import dev.finflow.problems.openapi.ServiceApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The ml-projector's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}); the
 * problems each operation can answer come from its handler's {@link dev.finflow.problems.openapi.Raises}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ServiceApi mlApi() {
        return new ServiceApi("Finflow ml-projector API", "v1", "Features, forecasts (with the model version and "
                + "training window that produced them), the model registry and anomalies, all about instruments; and "
                + "the administration of the ml projections' dead letters. Refusals are RFC 9457 problem details "
                + "(`application/problem+json`) whose `rule` names the rule broken; each operation lists the rules it "
                + "can answer.", List.of(MlRule.class));
    }
}
