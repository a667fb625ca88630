package dev.finflow.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus} read as samples (name, labels, value), so tests can ask for one series
 * instead of matching text whose label order and number format belong to the Prometheus client.
 */
public final class PrometheusScrape {

    /** One line of the exposition format. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
        return new PrometheusScrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Every metric name with at least one sample (histograms and counters as exposed: {@code _bucket}, {@code _total}). */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The value of the one series of {@code name} whose labels include {@code labels}, if there is one. */
    public Optional<Double> value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (matching.size() > 1) {
            throw new IllegalArgumentException(matching.size() + " series of " + name + " match " + labels);
        }
        return matching.stream().findFirst().map(Sample::value);
    }
}
