package dev.finflow.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration tables of docs/configuration.md against what the services really read: the configuration metadata that
 * {@code spring-boot-configuration-processor} writes for every {@code @ConfigurationProperties} (and the
 * {@code additional-spring-configuration-metadata.json} of the settings read with {@code @Value}), and the
 * environment variables the {@code application.yml} files map onto them. Every setting is documented by its
 * variable (or, for structured settings, its property name), and every {@code FINFLOW_*} variable in a table exists.
 */
class ConfigurationTableTest {

    private static final List<String> MODULES = List.of("runtime", "resource-server", "auth-server", "command-side", "query-side",
            "ml-projector");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::.*)?}");
    /** A variable name as a string literal in the runner's code (what it reads with System.getenv). */
    private static final Pattern GETENV = Pattern.compile("\"(FINFLOW_[A-Z0-9_]+)\"");
    private static final Pattern TICKED = Pattern.compile("`([A-Za-z0-9_.\\-]+)`");

    private static Map<String, String> metadata;
    private static Map<String, String> ymlEnv;
    private static Set<String> ymlKeys;
    private static Set<String> documented;

    @BeforeAll
    static void read() throws IOException {
        metadata = new TreeMap<>();
        for (String module : MODULES) {
            Path file = Repository.file(module + "/target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(file).as("metadata of %s (built by the configuration processor)", module).exists();
            for (JsonNode property : new ObjectMapper().readTree(file.toFile()).path("properties")) {
                metadata.put(property.path("name").asText(), property.path("type").asText());
            }
        }
        ymlEnv = new TreeMap<>();
        ymlKeys = new TreeSet<>();
        for (String module : MODULES) {
            Path resources = Repository.file(module + "/src/main/resources");
            if (!Files.isDirectory(resources)) {
                continue;
            }
            try (Stream<Path> files = Files.list(resources)) {
                for (Path yml : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                    flatten("", new Yaml().load(Files.readString(yml)));
                }
            }
        }
        documented = new TreeSet<>();
        for (String line : Files.readAllLines(Repository.file("docs/configuration.md"))) {
            if (line.startsWith("|")) {
                Matcher ticked = TICKED.matcher(line);
                while (ticked.find()) {
                    documented.add(ticked.group(1));
                }
            }
        }
    }

    @Test
    void everyServiceHasMetadataForItsSettings() {
        assertThat(metadata).containsKeys("finflow.db.url", "finflow.commands.lanes", "finflow.accounts.zone",
                "finflow.query.projections.segments", "finflow.query.read-pool-size", "finflow.ml.lstm.seed",
                "finflow.ml.poll-interval", "finflow.ingestion.runs.retry.max-attempts", "finflow.sample-data.enabled");
    }

    @Test
    void everyFinflowKeyOfTheApplicationFilesHasMetadata() {
        List<String> without = ymlKeys.stream().filter(key -> key.startsWith("finflow."))
                .filter(key -> metadata.keySet().stream().noneMatch(p -> key.equals(p) || key.startsWith(p + ".")))
                .toList();

        assertThat(without).as("finflow.* keys in application yml files without configuration metadata").isEmpty();
    }

    @Test
    void everySettingIsInAConfigurationTable() {
        List<String> missing = new ArrayList<>();
        metadata.keySet().stream().filter(name -> name.startsWith("finflow.")).forEach(name -> {
            String env = environmentVariable(name);
            if (!documented.contains(env) && !documented.contains(name)) {
                missing.add(name + " (" + env + ")");
            }
        });

        assertThat(missing).as("settings in no table of docs/configuration.md").isEmpty();
    }

    @Test
    void everyVariableInAConfigurationTableIsReadBySomething() throws IOException {
        Set<String> known = new TreeSet<>(ymlEnv.values());
        metadata.keySet().forEach(name -> known.add(environmentVariable(name)));
        known.addAll(variablesReadBy("deploy/runner/src/main/java"));
        // Map-valued settings take one variable per key (FINFLOW_QUALITY_VERDICTS_STALE_REPEAT).
        List<String> maps = metadata.entrySet().stream().filter(e -> e.getValue().startsWith("java.util.Map"))
                .map(e -> canonical(e.getKey()) + "_").toList();

        List<String> stale = documented.stream().filter(token -> token.startsWith("FINFLOW_"))
                .filter(token -> !known.contains(token))
                .filter(token -> maps.stream().noneMatch(token::startsWith)).toList();

        assertThat(stale).as("FINFLOW_* variables in docs/configuration.md that nothing reads").isEmpty();
    }

    /** The variable the application files map a property to, else Spring's relaxed-binding name. */
    private static String environmentVariable(String property) {
        return ymlEnv.getOrDefault(property, canonical(property));
    }

    private static String canonical(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static Set<String> variablesReadBy(String sources) throws IOException {
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repository.file(sources))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = GETENV.matcher(Files.readString(file));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    private static void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value));
            return;
        }
        ymlKeys.add(prefix);
        if (node instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text.trim());
            if (placeholder.matches()) {
                ymlEnv.put(prefix, placeholder.group(1));
            }
        }
    }

}
