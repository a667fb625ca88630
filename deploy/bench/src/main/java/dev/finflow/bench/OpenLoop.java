package dev.finflow.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * An open-loop GET generator: request n is due at {@code start + n / rate}, and its latency counts from when it was
 * due, so a slow answer delays the ones behind it in the figures too (queueing is not hidden).
 */
final class OpenLoop {

    /** Latencies in nanoseconds, sorted, and how many answers were not 200. */
    record Result(long[] sortedNanos, int errors) {

        String summary(int rate, int seconds) {
            return String.format("%d req/s for %d s: %,d requests (%d not 200), p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    rate, seconds, sortedNanos.length, errors, LatencyRecorder.percentileMillis(sortedNanos, 50),
                    LatencyRecorder.percentileMillis(sortedNanos, 99), LatencyRecorder.percentileMillis(sortedNanos, 100));
        }
    }

    private OpenLoop() {
    }

    /** GETs {@code path.apply(n)} for n = 0 .. rate*seconds over {@code connections} keep-alive connections. */
    static Result get(String url, int rate, int seconds, int connections, LongFunction<String> path) throws Exception {
        URI base = URI.create(url);
        List<HttpConnection> pool = new ArrayList<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            pool.add(new HttpConnection(base.getHost(), base.getPort()));
            recorders.add(new LatencyRecorder());
        }
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(connections);
        long period = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        long started = System.nanoTime();
        int[] errors = new int[connections];
        for (int c = 0; c < connections; c++) {
            int client = c;
            clients.submit(() -> {
                for (long n = client; n < total; n += connections) {
                    long due = started + n * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int status = pool.get(client).get(path.apply(n));
                    recorders.get(client).record(System.nanoTime() - due);
                    if (status != 200) {
                        errors[client]++;
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        for (HttpConnection connection : pool) {
            connection.close();
        }
        int failed = 0;
        for (int e : errors) {
            failed += e;
        }
        return new Result(LatencyRecorder.merged(recorders), failed);
    }
}
