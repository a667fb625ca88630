package dev.finflow.ml.api;

import dev.finflow.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static dev.finflow.security.AccessRules.anyUser;

/** Features, forecasts, models and anomalies are about instruments, not accounts: anyone signed in reads them. */
@Configuration(proxyBeanMethods = false)
class MlAccess {

    @Bean
    AccessRules mlAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/v1/forecasts/**", "/api/v1/features/**", "/api/v1/models",
                        "/api/v1/models/**", "/api/v1/anomalies", "/api/v1/anomalies/**")
                .hasAnyRole(anyUser());
    }
}
