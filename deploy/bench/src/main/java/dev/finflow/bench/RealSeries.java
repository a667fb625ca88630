package dev.finflow.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real daily series of the bundled long multi-ticker file, per symbol, oldest first. */
final class RealSeries {

    static final String DEFAULT_FILE = "command-side/src/main/resources/sample-data/dash-stock-ticker-demo.csv";

    private RealSeries() {
    }

    static Map<String, List<DailyBar>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int date = header.indexOf("Date");
        int open = header.indexOf("Open");
        int high = header.indexOf("High");
        int low = header.indexOf("Low");
        int close = header.indexOf("Close");
        int adjusted = header.indexOf("AdjClose");
        int volume = header.indexOf("Volume");
        int stock = header.indexOf("Stock");
        Map<String, List<DailyBar>> series = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            series.computeIfAbsent(f[stock], s -> new ArrayList<>()).add(new DailyBar(LocalDate.parse(f[date]),
                    new BigDecimal(f[open]), new BigDecimal(f[high]), new BigDecimal(f[low]), new BigDecimal(f[close]),
                    new BigDecimal(f[adjusted]), new BigDecimal(f[volume]).longValueExact()));
        }
        series.values().forEach(bars -> bars.sort(Comparator.comparing(DailyBar::date)));
        return series;
    }
}
