package dev.finflow.command.instruments.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the plain comma-separated files market-data sites offer (no quoted fields, numbers and dates only).
 * Blank lines and a trailing newline are skipped; a byte-order mark before the header is dropped.
 */
final class CsvLines {

    private CsvLines() {
    }

    static List<String[]> split(String text) {
        List<String[]> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int start = 0;
        int length = body.length();
        while (start < length) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
            if (stop > start) {
                rows.add(body.substring(start, stop).split(",", -1));
            } else {
                rows.add(null); // keep line numbers right for messages
            }
            start = end + 1;
        }
        return rows;
    }

    /** The field, trimmed, or null when it is missing or empty (the quality rules report missing fields). */
    static String field(String[] fields, int index) {
        if (index < 0 || index >= fields.length) {
            return null;
        }
        String value = fields[index].strip();
        return value.isEmpty() ? null : value;
    }
}
