package dev.finflow.bench;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-side lag as a user meets it: deposits are written open-loop at a fixed rate through the command side's HTTP
 * API (its commit lanes commit them out of order), and each one's lag runs from the moment its 2xx answer arrives
 * until the slowest of the query side's projections has applied through the position that answer named (read from
 * the projections' stored tokens every few milliseconds).
 */
final class HttpLagBench {

    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    private static final Pattern GAPS = Pattern.compile("\"gaps\":\\[([^]]*)]");
    private static final String OPENED = "2024-01-02";

    private HttpLagBench() {
    }

    static void run(Options options) throws Exception {
        String url = options.get("command-url", "http://127.0.0.1:8081");
        String jdbc = options.get("jdbc", "");
        int rate = options.getInt("rate", 200);
        int seconds = options.getInt("seconds", 300);
        int accounts = options.getInt("accounts", 50);
        String run = Long.toString(System.currentTimeMillis(), 36);
        URI base = URI.create(url);
        try (HttpConnection setup = new HttpConnection(base.getHost(), base.getPort())) {
            for (int a = 0; a < accounts; a++) {
                int status = setup.post("/api/v1/accounts", "{\"accountId\":\"lag-" + run + "-" + a
                        + "\",\"name\":\"Lag\",\"currency\":\"EUR\",\"openedOn\":\"" + OPENED + "\"}");
                if (status != 201) {
                    throw new IllegalStateException("opening a lag account answered " + status);
                }
            }
        }
        ConcurrentSkipListMap<Long, Long> answered = new ConcurrentSkipListMap<>();
        Lags lags = new Lags();
        // One recorder per client: a recorder does not lock, and one shared by the 64 clients lost counts (7 Dec:
        // 59,949 of 60,000 answers counted, all 60,000 deposits stored).
        List<LatencyRecorder> writeTimes = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong behind = new AtomicLong();
        // Open loop over a fixed set of keep-alive connections: deposit n is due at start + n / rate (as the
        // reads' generator, OpenLoop); a slow answer delays those behind it on its connection, none is dropped.
        int connections = options.getInt("connections", 64);
        long period = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        // The observer is connected and has read the tokens before the first write: started after the clients, in
        // a JVM still loading the driver beside 64 starting clients, it first looked 2-3 s late, and every write
        // answered meanwhile counted that wait as lag (7 Dec: the first second's p50 was 1.7 s while the stored
        // tokens kept within half a second of the store's head).
        Connection reader = DriverManager.getConnection(jdbc);
        for (int i = 0; i < 100; i++) {
            observe(reader, answered, lags);
        }
        long started = System.nanoTime();
        lags.started = started;
        lags.window = options.getInt("window", 60) * 1_000_000_000L;
        long deadline = started + seconds * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            int client = c;
            LatencyRecorder writes = new LatencyRecorder();
            writeTimes.add(writes);
            clients.submit(() -> {
                HttpConnection connection = null;
                try {
                    for (long n = client; n < total; n += connections) {
                        long wait = started + n * period - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        long t0 = System.nanoTime();
                        behind.accumulateAndGet(t0 - (started + n * period), Math::max);
                        HttpConnection.Response response;
                        try {
                            if (connection == null) {
                                connection = new HttpConnection(base.getHost(), base.getPort());
                            }
                            response = connection.postForBody("/api/v1/accounts/lag-" + run + "-" + (n % accounts)
                                    + "/transactions", "{\"transactionId\":\"d" + n + "\",\"type\":\"DEPOSIT\","
                                    + "\"amount\":1.00,\"currency\":\"EUR\",\"date\":\"2024-06-03\"}");
                        } catch (IOException e) {
                            // Counted, and the next write opens a new connection: an error used to end the rest of
                            // this connection's writes without a word.
                            failed.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                            close(connection);
                            connection = null;
                            continue;
                        }
                        long now = System.nanoTime();
                        Matcher position = POSITION.matcher(response.body());
                        if (response.status() / 100 != 2 || !position.find()) {
                            failed.incrementAndGet();
                            continue;
                        }
                        writes.record(now - t0);
                        answered.merge(Long.parseLong(position.group(1)), now, Math::min);
                    }
                } finally {
                    close(connection);
                }
                return null;
            });
        }
        clients.shutdown();
        try (reader) {
            // Until the last write has been answered: a connection behind its schedule still writes after the
            // deadline, and a lag observed only once all of them have finished would count the wait as lag. An
            // overloaded command side answers minutes late (7 Dec: 173 s): wait up to ten minutes for it.
            long last = deadline + 600_000_000_000L;
            while (!clients.isTerminated() && System.nanoTime() < last) {
                observe(reader, answered, lags);
                Thread.sleep(2);
            }
            long settle = System.nanoTime() + 15_000_000_000L;
            while (!answered.isEmpty() && System.nanoTime() < settle) {
                observe(reader, answered, lags);
                Thread.sleep(2);
            }
        }
        if (!clients.isTerminated()) {
            System.out.printf("lag over HTTP: writes still unanswered ten minutes after the deadline: the figures "
                    + "below leave them out%n");
        }
        long[] sorted = LatencyRecorder.merged(List.of(lags.all));
        long[] written = LatencyRecorder.merged(writeTimes);
        if (firstError.get() != null) {
            System.out.printf("lag over HTTP: writes failed on the connection, the first with %s%n", firstError.get());
        }
        System.out.printf("lag over HTTP: %d deposits/s through the command side for %d s: %,d answered 2xx (%d "
                        + "failed, %d never applied within 15 s), write p50 %.1f ms p99 %.1f ms; lag from 2xx to the "
                        + "slowest projection's appliedThrough p50 %.1f ms, p99 %.1f ms, max %.1f ms (a write was sent "
                        + "at most %.1f ms after its due time)%n",
                rate, seconds, written.length, failed.get(), answered.size(),
                LatencyRecorder.percentileMillis(written, 50), LatencyRecorder.percentileMillis(written, 99),
                LatencyRecorder.percentileMillis(sorted, 50), LatencyRecorder.percentileMillis(sorted, 99),
                LatencyRecorder.percentileMillis(sorted, 100), behind.get() / 1e6);
        lags.print();
    }

    /** Records the lag of every answered write the slowest live projection has now applied. */
    private static void observe(Connection reader, ConcurrentSkipListMap<Long, Long> answered, Lags lags)
            throws Exception {
        long slowest = Long.MAX_VALUE;
        String slowestName = null;
        List<String> processors = new ArrayList<>();
        try (PreparedStatement query = reader.prepareStatement("select t.processor_name, t.token from query.token_entry "
                + "t join query.projection_version v on t.processor_name = v.name || '@v' || v.active_version");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                processors.add(rs.getString(1));
                long through = appliedThrough(rs.getString(2));
                if (through < slowest) {
                    slowest = through;
                    slowestName = rs.getString(1);
                }
            }
        }
        if (processors.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        Map<Long, Long> done = answered.headMap(slowest, true);
        String holder = slowestName;
        done.values().forEach(at -> lags.record(at, Math.max(0, now - at), holder));
        done.clear();
        Map.Entry<Long, Long> oldest = answered.firstEntry();
        if (oldest != null && now - oldest.getValue() > 1_000_000_000L && now - lastStallReport > 5_000_000_000L) {
            // A write waiting over a second: name the projection that holds it, so a stall can be told from a backlog.
            lastStallReport = now;
            System.out.printf("  waiting: position %d answered %.1f s ago; slowest %s applied through %d; %d "
                    + "answered positions waiting%n", oldest.getKey(), (now - oldest.getValue()) / 1e9, slowestName,
                    slowest, answered.size());
        }
    }

    private static long lastStallReport;

    /**
     * The lags, also per window of the run (by when the write was answered; {@code --window} seconds, default 60)
     * and, for those over the target, the projection that was the slowest when they were seen applied: where the
     * tail comes from (a stretch of the run, one projection), not only how long it is. Written by the one observing
     * thread.
     */
    private static final class Lags {
        private static final long TARGET = 200_000_000L;
        final LatencyRecorder all = new LatencyRecorder();
        final Map<Long, LatencyRecorder> perWindow = new TreeMap<>();
        final Map<String, Long> overTarget = new TreeMap<>();
        long started;
        long window = 60_000_000_000L;

        void record(long answeredAt, long lag, String slowest) {
            all.record(lag);
            perWindow.computeIfAbsent(Math.max(0, answeredAt - started) / window, m -> new LatencyRecorder())
                    .record(lag);
            if (lag > TARGET) {
                overTarget.merge(slowest.replaceAll("@v\\d+$", ""), 1L, Long::sum);
            }
        }

        void print() {
            StringBuilder windows = new StringBuilder();
            perWindow.forEach((index, recorder) -> {
                long[] sorted = LatencyRecorder.merged(List.of(recorder));
                windows.append(String.format(" %ds: %.0f/%.0f ms (%,d)", (index + 1) * window / 1_000_000_000L,
                        LatencyRecorder.percentileMillis(sorted, 50), LatencyRecorder.percentileMillis(sorted, 99),
                        sorted.length));
            });
            System.out.printf("lag over HTTP by when the write was answered (up to that second of the run), p50/p99 "
                    + "(writes):%s%n", windows);
            System.out.printf("lag over HTTP: over %d ms, by the projection slowest when they were applied: %s%n",
                    TARGET / 1_000_000, overTarget.isEmpty() ? "none" : overTarget);
        }
    }

    private static void close(HttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing a connection already lost
            }
        }
    }

    private static long appliedThrough(String token) {
        if (token == null) {
            return -1;
        }
        Matcher index = INDEX.matcher(token);
        long through = index.find() ? Long.parseLong(index.group(1)) : -1;
        Matcher gaps = GAPS.matcher(token);
        if (gaps.find() && !gaps.group(1).isBlank()) {
            for (String gap : gaps.group(1).split(",")) {
                through = Math.min(through, Long.parseLong(gap.trim()) - 1);
            }
        }
        return through;
    }
}
