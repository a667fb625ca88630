package dev.finflow.query.monitoring;

import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.testing.Dashboards;
import dev.finflow.testing.PrometheusScrape;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus sees of a freshly started query side, and after a short workload. */
@QuerySideTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeTest {

    private static final List<String> PROJECTIONS = List.of("holdings", "monthly-balances", "transactions", "audit",
            "access");

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;

    @Test
    @Order(1)
    void exportsEveryProjectionsCountersAndStatesBeforeTheFirstEvent() {
        EventAppender.await(() -> scrape().value("finflow_projection_events_applied_total",
                Map.of("projection", "audit")).isPresent());
        PrometheusScrape scrape = scrape();

        for (String projection : PROJECTIONS) {
            assertThat(scrape.value("finflow_projection_events_applied_total", Map.of("projection", projection)))
                    .as(projection).contains(0.0);
            assertThat(scrape.value("finflow_projection_state", Map.of("projection", projection,
                    "state", "DEGRADED"))).as(projection).contains(0.0);
        }
    }

    @Test
    @Order(2)
    void everyDashboardPanelOnTheQuerySideNamesAMetricItExports() {
        long last = new LedgerScenario(events).run("p-1", "p-2").last();
        http.get().uri("/api/v1/accounts/p-1/holdings?minPosition=" + last).exchange().expectStatus().isOk();
        EventAppender.await(() -> scrape().value("finflow_projection_state", Map.of("projection", "holdings",
                "state", "LIVE")).orElse(0.0) == 1.0);
        PrometheusScrape scrape = scrape();

        assertThat(scrape.value("finflow_projection_events_applied_total", Map.of("projection", "audit")))
                .hasValueSatisfying(applied -> assertThat(applied).isPositive());
        assertThat(Dashboards.metricsOf("query-side")).isNotEmpty()
                .allSatisfy(metric -> assertThat(scrape.metricNames()).as("panels ask for it").contains(metric));
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
