package dev.finflow.command.monitoring;

import dev.finflow.command.CommandSideTest;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.testing.Dashboards;
import dev.finflow.testing.PrometheusScrape;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus sees of a freshly started command side, and after a short workload. */
@CommandSideTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeTest {

    @Autowired
    WebTestClient http;

    @Test
    @Order(1)
    void exportsEveryIngestionFailureCounterAtZeroAndEveryBreakerClosedBeforeTheFirstFailure() {
        PrometheusScrape scrape = scrape();

        for (RunTrigger trigger : RunTrigger.values()) {
            assertThat(scrape.value("finflow_ingestion_runs_failed_total", Map.of("trigger", trigger.name())))
                    .as("failed runs, trigger %s", trigger).contains(0.0);
        }
        for (String provider : new String[]{"yahoo", "stooq", "csv", "synthetic"}) {
            assertThat(scrape.value("finflow_provider_circuit_state", Map.of("provider", provider)))
                    .as("%s circuit breaker closed", provider).contains(0.0);
            for (String kind : new String[]{"TIMEOUT", "RATE_LIMITED", "NO_DATA", "CIRCUIT_OPEN", "REFUSED",
                    "ACTION_REFUSED"}) {
                assertThat(scrape.value("finflow_ingestion_attempts_failed_total",
                        Map.of("provider", provider, "kind", kind))).as("%s %s", provider, kind).contains(0.0);
            }
        }
        assertThat(scrape.value("finflow_ingestion_webhook_failures_total", Map.of())).contains(0.0);
    }

    @Test
    @Order(2)
    void everyDashboardPanelOnTheCommandSideNamesAMetricItExports() throws InterruptedException {
        post("/api/v1/accounts", "{\"accountId\":\"m-1\",\"name\":\"Main\",\"currency\":\"EUR\"}");
        post("/api/v1/accounts/m-1/transactions",
                "{\"transactionId\":\"d1\",\"type\":\"DEPOSIT\",\"amount\":100,\"currency\":\"EUR\"}");
        http.post().uri("/api/v1/accounts/m-1/transactions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"transactionId\":\"w1\",\"type\":\"WITHDRAWAL\",\"amount\":1000,\"currency\":\"EUR\"}")
                .exchange().expectStatus().isEqualTo(422);
        // A run for a symbol nobody registered fails: the failure counter moves off zero.
        post("/api/v1/ingestion/runs", "{\"runId\":\"r1\",\"symbols\":[\"NOPE\"],\"from\":\"2024-01-02\","
                + "\"to\":\"2024-01-05\",\"providers\":[\"synthetic\"]}");

        PrometheusScrape scrape = awaitFailedRun();

        assertThat(scrape.value("finflow_ingestion_runs_failed_total", Map.of("trigger", "MANUAL"))).contains(1.0);
        assertThat(scrape.metricNames()).as("latency histogram").contains("http_server_requests_seconds_bucket");
        assertThat(Dashboards.metricsOf("command-side")).isNotEmpty()
                .allSatisfy(metric -> assertThat(scrape.metricNames()).as("panels ask for it").contains(metric));
    }

    private PrometheusScrape awaitFailedRun() throws InterruptedException {
        PrometheusScrape scrape = scrape();
        for (int i = 0; i < 200 && scrape.value("finflow_ingestion_runs_failed_total",
                Map.of("trigger", "MANUAL")).orElse(0.0) < 1; i++) {
            Thread.sleep(50);
            scrape = scrape();
        }
        return scrape;
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private void post(String uri, String body) {
        http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful();
    }
}
