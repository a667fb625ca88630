package dev.finflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The queries of the provisioned Grafana dashboards ({@code deploy/grafana/dashboards/*.json}), so that each
 * service's tests can check that every panel asks for metrics the service really exports. A panel names its
 * service with an {@code application="..."} matcher on every selector (checked by deploy's own tests).
 */
public final class Dashboards {

    private static final Pattern EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A metric selector: a name followed by its label matchers, e.g. {@code foo_total{application="x"}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

    private Dashboards() {
    }

    /** The directory of the dashboards, found from the module directory tests run in. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/grafana/dashboards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/grafana/dashboards above " + Path.of("").toAbsolutePath());
    }

    /** Every query of every panel, unescaped. */
    public static List<String> queries() {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Matcher matcher = EXPR.matcher(Files.readString(file));
                while (matcher.find()) {
                    queries.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** The metric names the panels ask {@code application} for. */
    public static Set<String> metricsOf(String application) {
        Set<String> names = new TreeSet<>();
        for (String query : queries()) {
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) {
                if (selector.group(2).contains("application=\"" + application + "\"")) {
                    names.add(selector.group(1));
                }
            }
        }
        return names;
    }
}
