package dev.finflow.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.testing.Dashboards;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioned dashboards are well-formed and every query says which service it reads, so that each service's
 * own {@code PrometheusScrapeTest} can check the panels' metrics against a live scrape of that service.
 */
class DashboardsTest {

    private static final Set<String> SERVICES = Set.of("command-side", "query-side", "ml-projector");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern APPLICATION = Pattern.compile("application=\"([^\"]+)\"");

    @Test
    void everyPanelHasQueriesAndEveryDashboardAUniqueId() throws Exception {
        Map<String, JsonNode> dashboards = dashboards();

        assertThat(dashboards.keySet()).containsExactlyInAnyOrder("forecasts.json", "ingestion.json",
                "ledger.json", "projections.json");
        assertThat(dashboards.values().stream().map(d -> d.path("uid").asText()).distinct())
                .hasSize(dashboards.size());
        dashboards.forEach((file, dashboard) -> {
            assertThat(dashboard.path("panels")).as(file).isNotEmpty();
            dashboard.path("panels").forEach(panel -> assertThat(panel.path("targets"))
                    .as("%s: %s", file, panel.path("title").asText()).isNotEmpty());
        });
    }

    @Test
    void everyMetricSelectorNamesOneOfTheThreeServices() {
        List<String> queries = Dashboards.queries();

        assertThat(queries).hasSizeGreaterThan(15);
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            int selectors = 0;
            while (selector.find()) {
                selectors++;
                Matcher application = APPLICATION.matcher(selector.group(2));
                assertThat(application.find()).as("application matcher in %s", query).isTrue();
                assertThat(SERVICES).as(query).contains(application.group(1));
            }
            assertThat(selectors).as("metric selectors in %s", query).isPositive();
        }
        SERVICES.forEach(service -> assertThat(Dashboards.metricsOf(service)).as(service).isNotEmpty());
    }

    private static Map<String, JsonNode> dashboards() throws Exception {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(Dashboards.directory())) {
            for (Path file : files.toList()) {
                dashboards.put(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
            }
        }
        return dashboards;
    }
}
