package dev.finflow.ml;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@MlTest
class MlProjectorApplicationTest {

    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthAndPrometheusMetrics() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes"));
    }

    @Test
    void theForecastStreamAnswersAtOnceBeforeAnyForecastIsMade() {
        long started = System.nanoTime();
        http.get().uri("/api/v1/forecasts/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM);
        // The forecaster's schedule is an hour away in tests: without the opening comment this waited for it.
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5000);
    }
}
