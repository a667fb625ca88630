package dev.finflow.command.instruments.csv;

import dev.finflow.events.market.RawBar;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Yahoo Finance's daily download ({@code Date,Open,High,Low,Close,Adj Close,Volume}, oldest first). Fields
 * stay strings ({@link RawBar}): a {@code null} or missing value is judged by the quality rules, not here, so a
 * broken row is quarantined with its reason instead of failing the whole file. Only a wrong header, or a row
 * with more fields than the header, makes the file unreadable.
 */
public final class YahooCsv {

    /** The header Yahoo writes; matched ignoring case and surrounding spaces. */
    public static final List<String> HEADER = List.of("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume");

    private YahooCsv() {
    }

    public static List<RawBar> parse(String text) {
        List<String[]> rows = CsvLines.split(text);
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new CsvFormatException(1, "empty file; expected the header " + String.join(",", HEADER));
        }
        requireHeader(rows.get(0));
        List<RawBar> bars = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            String[] fields = rows.get(i);
            if (fields == null) {
                continue;
            }
            if (fields.length > HEADER.size()) {
                throw new CsvFormatException(i + 1, fields.length + " fields; the header has " + HEADER.size());
            }
            bars.add(new RawBar(CsvLines.field(fields, 0), CsvLines.field(fields, 1), CsvLines.field(fields, 2),
                    CsvLines.field(fields, 3), CsvLines.field(fields, 4), CsvLines.field(fields, 5),
                    CsvLines.field(fields, 6)));
        }
        return bars;
    }

    private static void requireHeader(String[] header) {
        boolean matches = header.length == HEADER.size();
        for (int i = 0; matches && i < header.length; i++) {
            matches = header[i].strip().equalsIgnoreCase(HEADER.get(i));
        }
        if (!matches) {
            throw new CsvFormatException(1, "header '" + String.join(",", header) + "' is not the Yahoo format "
                    + String.join(",", HEADER));
        }
    }
}
