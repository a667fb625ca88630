package dev.finflow.command.api;

import dev.finflow.command.CommandSideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class OperationsEndpointsTest {

    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthUp() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exportsAxonCommandEventStoreAndProcessorMetricsForPrometheus() throws InterruptedException {
        post("/api/v1/accounts", "{\"accountId\":\"ops-1\",\"name\":\"Ops\",\"currency\":\"EUR\"}");
        post("/api/v1/accounts/ops-1/transactions",
                "{\"transactionId\":\"d\",\"type\":\"DEPOSIT\",\"amount\":5,\"currency\":\"EUR\"}");
        post("/api/v1/transfers", "{\"transferId\":\"t\",\"fromAccountId\":\"ops-1\",\"toAccountId\":\"ops-2\","
                + "\"amount\":1,\"currency\":\"EUR\"}");

        String metrics = "";
        // The processor's timers appear once it has handled an event, which happens shortly after the commands.
        for (int i = 0; i < 200 && !(metrics.contains("eventProcessor_allTimer_seconds_count")
                && metrics.contains("processorName=\"transfer-process\"")); i++) {
            Thread.sleep(50);
            metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
        }

        assertThat(metrics).contains("commandBus_successCounter_total", "eventStore_ingestedCounter_total",
                "eventProcessor_allTimer_seconds_count", "processorName=\"transfer-process\"",
                "hikaricp_connections", "jvm_memory_used_bytes");
    }

    private void post(String uri, String body) {
        http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void describesEveryCommandEndpointInOpenApi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/accounts'].post").exists()
                .jsonPath("$.paths['/api/v1/accounts/{accountId}/transactions'].post").exists()
                .jsonPath("$.paths['/api/v1/accounts/{accountId}/transactions:batch'].post").exists()
                .jsonPath("$.paths['/api/v1/accounts/{accountId}/transactions/{transactionId}/reversal'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/transfers'].post").exists()
                .jsonPath("$.paths['/api/v1/transfers'].post.parameters[?(@.name == 'X-Correlation-Id')]").exists()
                .jsonPath("$.paths['/api/v1/transfers'].post.parameters[?(@.name == 'X-User')]").doesNotExist()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/v1/transfers'].post.parameters[?(@.name == 'metadata')]").doesNotExist();
    }

    @Test
    void servesSwaggerUi() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
