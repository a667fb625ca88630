package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a one-symbol daily CSV with a header row (Stooq's download, Yahoo's download format) into raw bars,
 * finding columns by name. A row with fewer fields than the header means the body was cut off: that is a
 * {@link ProviderFailure.Kind#TRUNCATED} failure, never a shorter success. The minimal reader the providers need;
 * quoting is not supported because neither format quotes.
 */
final class DailyCsv {

    private DailyCsv() {
    }

    static List<RawBar> read(String provider, String body, Predicate<String> inRange) {
        if (body == null || body.isBlank()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, "empty body");
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, "HTML instead of CSV");
        }
        String[] lines = trimmed.split("\r?\n");
        Map<String, Integer> columns = header(lines[0]);
        if (!columns.containsKey("date") || !columns.containsKey("close")) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED,
                    "not a daily CSV (header: " + abbreviate(lines[0]) + ")");
        }
        List<RawBar> bars = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (fields.length < columns.size()) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, "line " + (i + 1) + " has "
                        + fields.length + " of " + columns.size() + " fields: " + abbreviate(lines[i]));
            }
            String date = field(fields, columns, "date");
            if (date != null && !inRange.test(date)) {
                continue;
            }
            bars.add(new RawBar(date, field(fields, columns, "open"), field(fields, columns, "high"),
                    field(fields, columns, "low"), field(fields, columns, "close"),
                    field(fields, columns, "adj close"), field(fields, columns, "volume")));
        }
        return bars;
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static String field(String[] fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = fields[index].strip();
        return value.isEmpty() || value.equalsIgnoreCase("null") ? null : value;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
