package dev.finflow.command.calendar;

import dev.finflow.events.calendar.NyseHolidays;
import dev.finflow.events.calendar.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar against real history: the bundled sample data (plotly/datasets, NASDAQ-listed symbols) has a bar on
 * every trading day of the NYSE calendar and on no other day, except the documented gaps of the source.
 */
class SampleDataCalendarTest {

    /**
     * Days the source has no bar although the exchange traded: AAPL 2017-08-07 (named in the data's README), and
     * 2017-11-08, a Wednesday the file skips for every symbol still listed (docs/benchmarks.md).
     */
    private static final LocalDate SKIPPED_BY_THE_FILE = LocalDate.of(2017, 11, 8);
    private static final Map<String, Set<LocalDate>> DOCUMENTED_GAPS = Map.of(
            "AAPL", Set.of(LocalDate.of(2017, 8, 7), SKIPPED_BY_THE_FILE),
            "COKE", Set.of(SKIPPED_BY_THE_FILE),
            "GOOGL", Set.of(SKIPPED_BY_THE_FILE),
            "TSLA", Set.of(SKIPPED_BY_THE_FILE));

    private static final TradingCalendar NASDAQ = new TradingCalendar("NASDAQ",
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), NyseHolidays.between(NyseHolidays.FIRST_YEAR, 2030));

    @Test
    void everyBarOfTheSampleDataIsOnATradingDay() throws IOException {
        Map<String, TreeSet<LocalDate>> bars = tickerBars();
        bars.put("AAPL (finance-charts-apple)", appleChartBars());

        bars.forEach((symbol, dates) -> assertThat(dates).as(symbol).allSatisfy(date ->
                assertThat(NASDAQ.whyClosed(date)).as(symbol + " " + date).isNull()));
    }

    @Test
    void everyTradingDayInTheSampleRangeHasABarExceptTheDocumentedGaps() throws IOException {
        Map<String, TreeSet<LocalDate>> bars = tickerBars();
        assertThat(bars).containsKeys("AAPL", "TSLA", "COKE", "GOOGL", "YHOO");

        bars.forEach((symbol, dates) -> {
            List<LocalDate> missing = new ArrayList<>(NASDAQ.tradingDays(dates.first(), dates.last()));
            missing.removeAll(dates);
            assertThat(missing).as(symbol).containsExactlyInAnyOrderElementsOf(
                    DOCUMENTED_GAPS.getOrDefault(symbol, Set.of()));
        });
        TreeSet<LocalDate> chart = appleChartBars();
        assertThat(NASDAQ.tradingDays(chart.first(), chart.last())).containsExactlyElementsOf(chart);
    }

    /** dash-stock-ticker-demo.csv: index, Date, ..., Stock (last column). */
    private static Map<String, TreeSet<LocalDate>> tickerBars() throws IOException {
        Map<String, TreeSet<LocalDate>> bars = new TreeMap<>();
        for (String[] row : rows("sample-data/dash-stock-ticker-demo.csv")) {
            bars.computeIfAbsent(row[row.length - 1], symbol -> new TreeSet<>()).add(LocalDate.parse(row[1]));
        }
        return bars;
    }

    /** finance-charts-apple.csv: Date first. */
    private static TreeSet<LocalDate> appleChartBars() throws IOException {
        TreeSet<LocalDate> dates = new TreeSet<>();
        rows("sample-data/finance-charts-apple.csv").forEach(row -> dates.add(LocalDate.parse(row[0])));
        return dates;
    }

    private static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SampleDataCalendarTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
