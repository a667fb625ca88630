package dev.finflow.operate;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' own checker accepts the configuration and the alert rules pass their unit tests. */
class PrometheusRulesTest {

    private static final Tool PROMTOOL = new Tool("promtool", "prometheus");
    private final Path prometheus = Repository.file("deploy/prometheus");

    @Test
    void promtoolAcceptsTheConfigurationAndItsRuleFiles() throws Exception {
        Tool.Result result = PROMTOOL.run(prometheus, "check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: prometheus.yml is valid").contains("rules found");
    }

    @Test
    void everyAlertRulePassesItsPromtoolUnitTests() throws Exception {
        Tool.Result result = PROMTOOL.run(prometheus, "test", "rules", "tests/finflow_test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedBothQuietAndFiring() throws Exception {
        Set<String> alerts = new TreeSet<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(prometheus.resolve("rules/finflow.yml")));
        for (Map<String, Object> group : list(rules.get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                alerts.add((String) rule.get("alert"));
            }
        }
        Set<String> quiet = new TreeSet<>();
        Set<String> firing = new TreeSet<>();
        Map<String, Object> tests = new Yaml().load(Files.readString(prometheus.resolve("tests/finflow_test.yml")));
        for (Map<String, Object> test : list(tests.get("tests"))) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                boolean fires = !((List<?>) check.get("exp_alerts")).isEmpty();
                (fires ? firing : quiet).add((String) check.get("alertname"));
            }
        }

        assertThat(alerts).contains("ProjectionDegraded", "ProjectionStalled", "ProcessorStalled", "ProjectionLagHigh",
                "IngestionRunFailed", "ForecastDegraded", "ForecastCoverageLow");
        assertThat(firing).as("alerts tested firing").isEqualTo(alerts);
        assertThat(quiet).as("alerts tested quiet").isEqualTo(alerts);
    }

    /** A rule on a metric no service registers would never fire: each must be a meter name in the main code. */
    @Test
    void everyMetricTheAlertsReadIsOneTheServicesRegister() throws Exception {
        Set<String> metrics = new TreeSet<>();
        Matcher name = Pattern.compile("\\bfinflow_[a-z_]+").matcher(
                Files.readString(prometheus.resolve("rules/finflow.yml")));
        while (name.find()) {
            metrics.add(name.group());
        }
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> modules = Files.list(Repository.root())) {
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(file -> file.toString().endsWith(".java")).map(PrometheusRulesTest::read)
                            .forEach(sources::append);
                }
            }
        }

        assertThat(metrics).contains("finflow_processor_stalled", "finflow_projection_state");
        for (String metric : metrics) {
            String meter = metric.replaceFirst("_total$", "").replace('_', '.');
            assertThat(sources).as("a meter named %s (%s)", meter, metric).contains("\"" + meter + "\"");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
