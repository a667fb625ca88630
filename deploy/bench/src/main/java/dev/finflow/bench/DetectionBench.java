package dev.finflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.calendar.NyseHolidays;
import dev.finflow.events.calendar.TradingCalendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Detection quality of the quality rules on real data (issue 4): the bundled real series are sent once untouched
 * (the false-flag rate) and then in {@code copies} faulted copies each, through the running command side's bar
 * API; recall and precision per fault type come from the verdicts and findings it answers.
 */
final class DetectionBench {

    private DetectionBench() {
    }

    static void run(Options options) throws Exception {
        Map<String, List<DailyBar>> real = RealSeries.read(Path.of(options.get("data", RealSeries.DEFAULT_FILE)));
        TradingCalendar calendar = new TradingCalendar("NYSE", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                NyseHolidays.between(NyseHolidays.FIRST_YEAR, LocalDate.now().getYear()));
        InstrumentApi api = new InstrumentApi(options.get("url", "http://localhost:8081"));
        int copies = options.getInt("copies", 8);
        int perType = options.getInt("per-type", 2);
        Random random = new Random(options.getInt("seed", 42));
        LocalDate today = LocalDate.now();

        int cleanBars = 0;
        int cleanFlagged = 0;
        int cleanRejected = 0;
        List<String> cleanFindings = new ArrayList<>();
        for (Map.Entry<String, List<DailyBar>> series : real.entrySet()) {
            String symbol = "CLEAN-" + series.getKey();
            api.register(symbol);
            JsonNode answer = api.bars(symbol, "bench-clean", series.getValue());
            cleanBars += answer.get("received").asInt();
            cleanFlagged += answer.get("flagged").asInt();
            cleanRejected += answer.get("rejected").asInt();
            answer.get("findings").forEach(f -> cleanFindings.add(symbol + " " + f.get("date").asText() + " "
                    + f.get("verdict").asText() + " " + f.get("rule").asText() + ": " + f.get("detail").asText()));
        }

        Score score = new Score();
        for (int copy = 1; copy <= copies; copy++) {
            for (Map.Entry<String, List<DailyBar>> series : real.entrySet()) {
                String symbol = "F" + copy + "-" + series.getKey();
                FaultInjector injection = FaultInjector.inject(series.getValue(), perType, random, today);
                api.register(symbol);
                JsonNode answer = api.bars(symbol, "bench-faults", injection.batch);
                score.add(injection, answer, gaps(kept(injection, answer), calendar),
                        gaps(dates(series.getValue()), calendar));
            }
        }

        System.out.printf("untouched real data: %d bars, %d flagged, %d rejected (%.3f%% flagged)%n", cleanBars,
                cleanFlagged, cleanRejected, 100.0 * cleanFlagged / cleanBars);
        cleanFindings.stream().limit(20).forEach(finding -> System.out.println("  " + finding));
        System.out.printf("faulted copies: %d of each of %d series, %d faults of each type per copy (seed %s)%n",
                copies, real.size(), perType, options.get("seed", "42"));
        score.print();
    }

    /** The dates the service kept: everything sent but the rejected bars. */
    private static TreeSet<LocalDate> kept(FaultInjector injection, JsonNode answer) {
        TreeSet<LocalDate> kept = new TreeSet<>(dates(injection.batch));
        for (JsonNode finding : answer.get("findings")) {
            if (finding.get("verdict").asText().equals("REJECTED")) {
                kept.remove(LocalDate.parse(finding.get("date").asText()));
            }
        }
        return kept;
    }

    private static TreeSet<LocalDate> dates(List<DailyBar> bars) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        bars.forEach(bar -> dates.add(bar.date()));
        return dates;
    }

    /** Trading days of the service's NYSE calendar missing between the first and the last kept date. */
    private static Set<LocalDate> gaps(TreeSet<LocalDate> kept, TradingCalendar calendar) {
        Set<LocalDate> missing = new HashSet<>(calendar.tradingDays(kept.first(),
                kept.headSet(LocalDate.now(), false).last().minusDays(1)));
        missing.removeAll(kept);
        return missing;
    }
}
