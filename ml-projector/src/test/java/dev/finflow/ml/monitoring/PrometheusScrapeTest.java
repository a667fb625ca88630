package dev.finflow.ml.monitoring;

import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Target;
import dev.finflow.testing.Dashboards;
import dev.finflow.testing.PrometheusScrape;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus sees of a freshly started ml-projector, and after a short workload. */
@MlTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @Order(1)
    void exportsEveryForecastCounterAtZeroAndTheAccuracyGaugesBeforeTheFirstForecast() {
        PrometheusScrape scrape = scrape();

        for (Target target : Target.values()) {
            assertThat(scrape.value("finflow_ml_forecasts_total", Map.of("target", target.name())))
                    .as(target.name()).contains(0.0);
            assertThat(scrape.value("finflow_ml_forecast_coverage", Map.of("target", target.name())))
                    .as("no forecast settled yet").hasValueSatisfying(value -> assertThat(value).isNaN());
        }
        for (ModelKind kind : ModelKind.values()) {
            assertThat(scrape.value("finflow_ml_promotions_total", Map.of("kind", kind.name(), "promoted", "true")))
                    .as(kind.name()).contains(0.0);
        }
        assertThat(scrape.value("finflow_ml_retrainings_total", Map.of("reason", "degradation"))).contains(0.0);
        assertThat(scrape.value("finflow_ml_forecast_interval_level", Map.of())).contains(0.95);
    }

    @Test
    @Order(2)
    void everyDashboardPanelOnTheMlProjectorNamesAMetricItExports() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        events.ingest("AAPL", MarketEvents.realBars("AAPL").subList(0, 40));
        events.awaitProjected();
        http.get().uri("/api/v1/features/AAPL").exchange().expectStatus().isOk();
        PrometheusScrape scrape = scrape();

        assertThat(scrape.metricNames()).as("latency histogram").contains("http_server_requests_seconds_bucket");
        assertThat(Dashboards.metricsOf("ml-projector")).isNotEmpty()
                .allSatisfy(metric -> assertThat(scrape.metricNames()).as("panels ask for it").contains(metric));
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
