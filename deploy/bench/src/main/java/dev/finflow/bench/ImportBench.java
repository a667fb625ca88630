package dev.finflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.calendar.NyseHolidays;
import dev.finflow.events.calendar.TradingCalendar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk import (issue 4): {@code symbols} synthetic instruments of {@code years} of daily bars each, every one a
 * real series scaled and chained (the real daily moves of one of the five bundled stocks, in a rotated order, on
 * the 2015+ trading calendar), sent as batches (Yahoo CSV by default, or JSON) through the bar API by
 * {@code clients} concurrent clients; the bodies are prepared before the clock starts. Counts
 * bars per second from the first batch sent to the last answer (each answer comes after its commit).
 */
final class ImportBench {

    private ImportBench() {
    }

    static void run(Options options) throws Exception {
        Map<String, List<DailyBar>> real = RealSeries.read(Path.of(options.get("data", RealSeries.DEFAULT_FILE)));
        List<List<DailyBar>> bases = new ArrayList<>(real.values());
        List<LocalDate> days = tradingDays(options.getInt("years", 10));
        int symbols = options.getInt("symbols", 200);
        int batch = options.getInt("batch", 10_000);
        int clients = options.getInt("clients", 4);
        String prefix = options.get("prefix", "BULK");
        InstrumentApi api = new InstrumentApi(options.get("url", "http://localhost:8081"));

        String format = options.get("format", "csv");
        List<List<String>> work = new ArrayList<>();
        long total = 0;
        for (int s = 0; s < symbols; s++) {
            List<DailyBar> series = synthetic(bases.get(s % bases.size()), days, s);
            List<String> batches = new ArrayList<>();
            for (int from = 0; from < series.size(); from += batch) {
                batches.add(InstrumentApi.body(format, "bench-import",
                        series.subList(from, Math.min(series.size(), from + batch))));
            }
            work.add(batches);
            total += series.size();
            api.register(prefix + s);
        }
        System.out.printf("import: %d symbols x %d days = %d bars, batches of up to %d as %s, %d clients%n",
                symbols, days.size(), total, batch, format, clients);

        AtomicLong accepted = new AtomicLong();
        AtomicLong flagged = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            String symbol = prefix + s;
            List<String> batches = work.get(s);
            done.add(pool.submit(() -> {
                for (String body : batches) {
                    JsonNode answer = api.send(symbol, "bench-import", format, body);
                    accepted.addAndGet(answer.get("accepted").asLong());
                    flagged.addAndGet(answer.get("flagged").asLong());
                    rejected.addAndGet(answer.get("rejected").asLong());
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("imported %d bars in %.1f s: %.0f bars/s (accepted %d, flagged %d, rejected %d)%n",
                total, seconds, total / seconds, accepted.get(), flagged.get(), rejected.get());
        String jdbc = options.get("jdbc", null);
        if (jdbc != null) {
            try (Connection connection = DriverManager.getConnection(jdbc);
                 ResultSet stored = connection.createStatement().executeQuery("select count(*),"
                         + " coalesce(sum(json_array_length(payload::json -> 'bars')), 0)"
                         + " from events.domain_event_entry where payload_type like '%BarsIngestedEvent'"
                         + " and aggregate_identifier like 'instrument/" + prefix + "%'")) {
                stored.next();
                System.out.printf("in the event store: %d BarsIngestedEvent rows holding %d bars%n",
                        stored.getLong(1), stored.getLong(2));
            }
        }
    }

    /** The base's real daily moves, rotated by {@code seed}, chained from a seed-dependent first price. */
    static List<DailyBar> synthetic(List<DailyBar> base, List<LocalDate> days, int seed) {
        List<DailyBar> bars = new ArrayList<>(days.size());
        BigDecimal close = base.get(0).close().multiply(BigDecimal.valueOf(10 + seed % 7, 1));
        int n = base.size();
        for (int t = 0; t < days.size(); t++) {
            int j = 1 + (t + seed * 37) % (n - 1);
            DailyBar model = base.get(j);
            close = close.multiply(model.close()).divide(base.get(j - 1).close(), MathContext.DECIMAL64);
            BigDecimal factor = close.divide(model.close(), MathContext.DECIMAL64);
            bars.add(new DailyBar(days.get(t), round(model.open(), factor), round(model.high(), factor),
                    round(model.low(), factor), round(model.close(), factor), null, model.volume()));
        }
        return bars;
    }

    private static BigDecimal round(BigDecimal price, BigDecimal factor) {
        return price.multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The NYSE trading days from 2015-01-02 on, by the service's own calendar rules. */
    private static List<LocalDate> tradingDays(int years) {
        LocalDate first = LocalDate.of(2015, 1, 2);
        LocalDate last = LocalDate.of(2015 + years, 1, 1).minusDays(1);
        TradingCalendar nyse = new TradingCalendar("NYSE", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                NyseHolidays.between(first.getYear(), last.getYear()));
        return nyse.tradingDays(first, last);
    }
}
