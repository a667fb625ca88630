package dev.finflow.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@QuerySideTest
class QuerySideApplicationTest {

    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthAndProjectionMetrics() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("finflow_projection_lag_events{")
                        .contains("finflow_projection_lag_seconds{"));
    }
}
