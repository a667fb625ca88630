package dev.finflow.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code POST /api/v1/accounts/{id}/transactions} on a running command side with 1, 8 and 32 closed-loop
 * clients for a fixed time each, and runs pgbench with a one-row INSERT at the same client counts on the same
 * PostgreSQL as the baseline: what the database alone does per transaction. Deposits, withdrawals and fees carry a
 * memo (sealed with the writer's key) unless {@code --memo false}, which measures the writes without sealing.
 */
final class LedgerBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String[] TYPES = {"DEPOSIT", "DEPOSIT", "DEPOSIT", "DEPOSIT", "DEPOSIT", "BUY", "BUY",
            "BUY", "FEE", "WITHDRAWAL"};

    /**
     * The accounts are opened, and seeded, before the trade date the load uses (2024-06-03): opened today, the
     * ledger refuses every transaction dated before the opening, and every request of the load was a refusal.
     */
    private static final String OPENED = "2024-01-02";

    private LedgerBench() {
    }

    record Result(int clients, double perSecond, double p50, double p99, long errors) {
    }

    static void run(Options options) throws Exception {
        // Several command-side replicas: comma-separated; client c writes through replica c mod N.
        List<URI> urls = java.util.Arrays.stream(options.get("url", "http://localhost:8081").split(","))
                .map(URI::create).toList();
        URI url = urls.get(0);
        String jdbc = options.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/finflow_bench?user=postgres");
        int seconds = options.getInt("seconds", 20);
        int warmup = options.getInt("warmup", 30);
        int accounts = options.getInt("accounts", 1000);
        List<Integer> clientCounts = options.getInts("clients", "1,8,32");
        boolean memo = Boolean.parseBoolean(options.get("memo", "true"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        System.out.printf("Setting up %d accounts on %s ...%n", accounts, url);
        setUp(url, run, accounts);
        System.out.printf("Warming up for %d s ...%n", warmup);
        drive(urls, run + "w", accounts, 8, warmup, memo);

        List<Result> finflow = new ArrayList<>();
        for (int clients : clientCounts) {
            Result result = drive(urls, run + "c" + clients, accounts, clients, seconds, memo);
            finflow.add(result);
            System.out.printf("  finflow  %3d clients: %8.0f tx/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                    clients, result.perSecond, result.p50, result.p99, result.errors);
        }
        List<Double> baseline = new ArrayList<>();
        for (int clients : clientCounts) {
            double tps = options.get("pgbench", "true").equals("true") ? pgbench(jdbc, clients, seconds) : Double.NaN;
            baseline.add(tps);
            System.out.printf("  pgbench  %3d clients: %8.0f tps%n", clients, tps);
        }

        System.out.println();
        System.out.println("| clients | Finflow tx/s | p50 ms | p99 ms | errors | pgbench INSERT tps | ratio |");
        System.out.println("|--------:|-------------:|-------:|-------:|-------:|-------------------:|------:|");
        for (int i = 0; i < clientCounts.size(); i++) {
            Result r = finflow.get(i);
            System.out.printf("| %7d | %12.0f | %6.2f | %6.2f | %6d | %18.0f | %5.2f |%n", r.clients, r.perSecond,
                    r.p50, r.p99, r.errors, baseline.get(i), r.perSecond / baseline.get(i));
        }
    }

    private static void setUp(URI url, String run, int accounts) throws IOException {
        try (HttpConnection http = new HttpConnection(url.getHost(), url.getPort())) {
            for (int a = 0; a < accounts; a++) {
                String id = account(run, a);
                expect(http.post("/api/v1/accounts", "{\"accountId\":\"" + id
                        + "\",\"name\":\"Bench\",\"currency\":\"EUR\",\"openedOn\":\"" + OPENED + "\"}"), 201);
                expect(http.post("/api/v1/accounts/" + id + "/transactions", "{\"transactionId\":\"seed\","
                        + "\"type\":\"DEPOSIT\",\"amount\":1000000000,\"currency\":\"EUR\",\"date\":\"" + OPENED
                        + "\"}"), 201);
            }
        }
    }

    private static Result drive(List<URI> urls, String run, int accounts, int clients, int seconds, boolean memo)
            throws InterruptedException {
        String accountRun = run.substring(0, run.length() - (run.endsWith("w") ? 1 : ("c" + clients).length()));
        List<LatencyRecorder> recorders = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            int client = c;
            URI url = urls.get(c % urls.size());
            Thread thread = new Thread(() -> {
                try (HttpConnection http = new HttpConnection(url.getHost(), url.getPort())) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long n = 0; System.nanoTime() < end; n++) {
                        String account = account(accountRun, random.nextInt(accounts));
                        String body = transaction(run + "-" + client + "-" + n, TYPES[random.nextInt(TYPES.length)],
                                memo);
                        long t0 = System.nanoTime();
                        int status = http.post("/api/v1/accounts/" + account + "/transactions", body);
                        recorder.record(System.nanoTime() - t0);
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("client " + client + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = LatencyRecorder.merged(recorders);
        return new Result(clients, sorted.length / elapsed, LatencyRecorder.percentileMillis(sorted, 50),
                LatencyRecorder.percentileMillis(sorted, 99), errors.get());
    }

    private static String transaction(String id, String type, boolean memo) {
        return switch (type) {
            case "BUY" -> "{\"transactionId\":\"" + id + "\",\"type\":\"BUY\",\"symbol\":\"AAPL\",\"quantity\":2,"
                    + "\"price\":170.25,\"fee\":1.00,\"currency\":\"EUR\",\"date\":\"2024-06-03\"}";
            default -> "{\"transactionId\":\"" + id + "\",\"type\":\"" + type + "\",\"amount\":12.34,"
                    + "\"currency\":\"EUR\",\"date\":\"2024-06-03\"" + (memo ? ",\"memo\":\"bench\"}" : "}");
        };
    }

    private static String account(String run, int index) {
        return "bench-" + run + "-" + index;
    }

    private static void expect(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("setup request answered " + status + ", expected " + expected);
        }
    }

    /** pgbench with a one-row INSERT of an event-sized row, on the same database. */
    private static double pgbench(String jdbc, int clients, int seconds) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            connection.createStatement().execute("create table if not exists bench_insert (id bigserial primary key,"
                    + " account text not null, payload text not null, created timestamptz not null default now())");
        }
        Path script = Files.createTempFile("finflow-insert", ".sql");
        Files.writeString(script, "\\set aid random(1, 1000)\n"
                + "INSERT INTO bench_insert (account, payload) VALUES ('bench-' || :aid, "
                + "'{\"transactionId\":\"x\",\"type\":\"DEPOSIT\",\"amount\":12.34,\"currency\":\"EUR\","
                + "\"legs\":[{\"type\":\"CASH\",\"asset\":\"EUR\",\"quantity\":12.34,\"amount\":12.34},"
                + "{\"type\":\"EXTERNAL\",\"asset\":\"EUR\",\"quantity\":-12.34,\"amount\":-12.34}]}');\n");
        URI db = URI.create(jdbc.substring("jdbc:".length()));
        String user = query(db.getQuery(), "user", "postgres");
        List<String> command = List.of("pgbench", "-n", "-h", db.getHost(),
                "-p", String.valueOf(db.getPort() < 0 ? 5432 : db.getPort()), "-U", user,
                "-f", script.toString(), "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(seconds), db.getPath().substring(1));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Files.deleteIfExists(script);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String query(String query, String key, String fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(key + "=")) {
                    return pair.substring(key.length() + 1);
                }
            }
        }
        return fallback;
    }

}
