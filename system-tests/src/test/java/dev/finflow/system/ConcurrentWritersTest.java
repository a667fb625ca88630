package dev.finflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestIssuer;
import dev.finflow.testing.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue-10 scenario: 16 clients write deposits, buys, sells, fees, withdrawals and transfers through the
 * command side's HTTP API at once, while two query-side instances share the projections. Once the transfer
 * process and both instances have caught up, every ledger read model equals what the store says, event by event,
 * and the query side's own {@code verify} finds no difference in any projection.
 * Before the fix about 1 % of the events were silently missing from every read model.
 * <p>
 * Meanwhile a thread leaves holes in the global index (takes an index and rolls back, as a killed writer does)
 * and a probe reads its own writes: a deposit, then its transaction list with {@code minPosition}, alternately
 * on both instances. Every such read must answer 200 with the deposit (a hole must never hold a position back
 * past the read's time-out); the time from acknowledgement to answer is printed as p50 and p99.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 16;
    private static final int ACCOUNTS = 24;
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("finflow.system.load-seconds", 20));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SYMBOLS = {"SYSA", "SYSB", "SYSC"};
    /** The writers' and the admin reads' bearer token, from the issuer the child services are told to trust. */
    private static final String TOKEN = TestTokens.bearer("system-load", Role.values());

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

    @Test
    void sixteenWritersThroughTheApiLeaveEveryReadModelEqualToTheStore() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> environment = Map.of("FINFLOW_DB_URL", database.jdbcUrl(),
                    "FINFLOW_DB_USER", database.username(), "FINFLOW_DB_PASSWORD", database.password(),
                    "FINFLOW_OIDC_ISSUER_URI", TestIssuer.shared().uri());
            try (Service command = Service.start("command-side", "command-side", environment);
                 Service first = Service.start("query-side-a", "query-side", with(environment, "a"));
                 Service second = Service.start("query-side-b", "query-side", with(environment, "b"))) {
                for (Service service : List.of(command, first, second)) {
                    service.awaitHealthy(Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300)));
                }
                for (int i = 0; i < ACCOUNTS; i++) {
                    post(command, "/api/v1/accounts", "{\"accountId\":\"sys-" + i + "\",\"name\":\"Main\","
                            + "\"currency\":\"EUR\"}");
                    post(command, "/api/v1/accounts/sys-" + i + "/transactions", "{\"transactionId\":\"init-" + i
                            + "\",\"type\":\"DEPOSIT\",\"amount\":100000,\"currency\":\"EUR\"}");
                }

                Probe probe = new Probe(command, List.of(first, second));
                probe.warmUp();
                HoleMaker holes = new HoleMaker(database);
                Thread holeMaker = new Thread(holes, "hole-maker");
                Thread prober = new Thread(probe, "probe");
                holeMaker.start();
                prober.start();
                long written = write(command);
                holes.stop = true;
                probe.stop = true;
                holeMaker.join();
                prober.join();

                awaitTransfersSettled(database);
                long head = head(database);
                Map<String, Integer> versions = awaitCaughtUp(List.of(first, second), head);
                List<String> differences = StoreReconciliation.differences(database.jdbcUrl(), database.username(),
                        database.password(), versions);
                Map<String, JsonNode> verified = verifyAll(first, versions.keySet());

                System.out.printf(Locale.ROOT, "concurrent writers: %d requests in %d s, answers %s, %d events "
                        + "stored, %d differences%n", written, LOAD.toSeconds(), answers, head, differences.size());
                assertThat(answers.keySet()).as("no request failed on the server").allMatch(s -> s.startsWith("2")
                        || s.startsWith("4"));
                System.out.printf(Locale.ROOT, "read your writes under load: %d reads, %d holes made, p50 %d ms, "
                        + "p99 %d ms, max %d ms, failures %s%n", probe.latencies.size(), holes.made,
                        probe.percentile(50), probe.percentile(99), probe.percentile(100), probe.failures);
                assertThat(holes.made).as("holes made during the load").isPositive();
                assertThat(probe.latencies).as("reads of the probe's own writes").isNotEmpty();
                assertThat(probe.failures).as("every read-your-writes read answered 200 with the write").isEmpty();
                assertThat(differences).isEmpty();
                verified.forEach((name, answer) -> assertThat(answer.path("differences").size())
                        .as("verify %s: %s", name, answer).isZero());
            }
        }
    }

    private long write(Service command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long deadline = System.nanoTime() + LOAD.toNanos();
        List<Future<Long>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            SplittableRandom random = new SplittableRandom(w);
            writers.add(pool.submit(() -> {
                long requests = 0;
                while (System.nanoTime() < deadline) {
                    oneRequest(command, random);
                    requests++;
                }
                return requests;
            }));
        }
        long total = 0;
        for (Future<Long> writer : writers) {
            total += writer.get();
        }
        pool.shutdown();
        return total;
    }

    private void oneRequest(Service command, SplittableRandom random) throws Exception {
        String account = "sys-" + random.nextInt(ACCOUNTS);
        String id = UUID.randomUUID().toString();
        String amount = random.nextInt(1, 500) + "." + random.nextInt(10, 100);
        int kind = random.nextInt(6);
        if (kind == 5) {
            String to = "sys-" + random.nextInt(ACCOUNTS);
            post(command, "/api/v1/transfers", "{\"transferId\":\"" + id + "\",\"fromAccountId\":\"" + account
                    + "\",\"toAccountId\":\"" + to + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}");
            return;
        }
        String body = switch (kind) {
            case 0, 1, 2 -> "{\"transactionId\":\"" + id + "\",\"type\":\"" + new String[]{"DEPOSIT", "WITHDRAWAL",
                    "FEE"}[kind] + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"memo\":\"load\"}";
            default -> "{\"transactionId\":\"" + id + "\",\"type\":\"" + (kind == 3 ? "BUY" : "SELL")
                    + "\",\"symbol\":\"" + SYMBOLS[random.nextInt(SYMBOLS.length)] + "\",\"quantity\":"
                    + random.nextInt(1, 4) + ",\"price\":" + amount + ",\"fee\":1,\"currency\":\"EUR\"}";
        };
        post(command, "/api/v1/accounts/" + account + "/transactions", body);
    }

    private void post(Service service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        answers.computeIfAbsent(String.valueOf(status), s -> new LongAdder()).increment();
    }

    /** Waits until every transfer sent has been received or refunded (the command side's transfer process). */
    private static void awaitTransfersSettled(TestDatabase database) throws Exception {
        Waiting.until(Duration.ofSeconds(120), () -> scalar(database, "select count(*) filter (where payload_type like "
                + "'%TransferSentEvent') - count(*) filter (where payload_type like '%TransferReceivedEvent' or "
                + "payload_type like '%TransferRefundedEvent') from events.domain_event_entry") == 0);
    }

    private static long head(TestDatabase database) throws Exception {
        return scalar(database, "select max(global_index) from events.domain_event_entry");
    }

    /** Waits until every projection reports the head on every instance; answers their active versions. */
    private Map<String, Integer> awaitCaughtUp(List<Service> instances, long head) throws Exception {
        Map<String, Integer> versions = new HashMap<>();
        Waiting.until(Duration.ofSeconds(120), () -> {
            for (Service instance : instances) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url("/api/v1/admin/projections")))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", TOKEN).build();
                JsonNode statuses = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode status : statuses) {
                    if (status.path("position").asLong() < head) {
                        return false;
                    }
                    versions.put(status.path("name").asText(), status.path("activeVersion").asInt());
                }
            }
            return true;
        });
        return versions;
    }

    /** {@code verify} of every projection on one instance, each timed and printed. */
    private Map<String, JsonNode> verifyAll(Service instance, Iterable<String> projections) throws Exception {
        Map<String, JsonNode> answers = new TreeMap<>();
        for (String name : projections) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url("/api/v1/admin/projections/" + name
                    + "/verify"))).timeout(Duration.ofSeconds(120)).header("Authorization", TOKEN).build();
            long started = System.nanoTime();
            JsonNode answer = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            System.out.printf(Locale.ROOT, "verify %s: position %d, %d events, %d facts, %d differences, %d ms "
                            + "(%d ms in the service)%n", name, answer.path("position").asLong(),
                    answer.path("checked").path("events").asLong(), answer.path("checked").path("facts").asLong(),
                    answer.path("differences").size(), (System.nanoTime() - started) / 1_000_000,
                    answer.path("checked").path("millis").asLong());
            answers.put(name, answer);
        }
        return answers;
    }

    /** Every 200 ms takes a global index in a transaction that then rolls back: a hole that never fills. */
    private static final class HoleMaker implements Runnable {
        private final TestDatabase database;
        volatile boolean stop;
        volatile int made;

        HoleMaker(TestDatabase database) {
            this.database = database;
        }

        @Override
        public void run() {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password()); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                while (!stop) {
                    statement.execute("select events.next_global_index()");
                    connection.rollback();
                    made++;
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Deposits to its own account and reads the deposit back with minPosition, on each instance in turn. */
    private final class Probe implements Runnable {
        private final Service command;
        private final List<Service> readers;
        final List<Long> latencies = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        volatile boolean stop;
        private int reads;

        Probe(Service command, List<Service> readers) {
            this.command = command;
            this.readers = readers;
        }

        /** The account, and one read on each instance, so that first-request costs are not counted. */
        void warmUp() throws Exception {
            post(command, "/api/v1/accounts", "{\"accountId\":\"probe\",\"name\":\"Probe\",\"currency\":\"EUR\"}");
            for (int i = 0; i < readers.size(); i++) {
                readBack(false);
            }
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    readBack(true);
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }

        private void readBack(boolean count) throws Exception {
            String id = "probe-" + UUID.randomUUID();
            HttpRequest deposit = HttpRequest.newBuilder(URI.create(command.url("/api/v1/accounts/probe/transactions")))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", TOKEN).POST(HttpRequest.BodyPublishers.ofString("{\"transactionId\":\""
                            + id + "\",\"type\":\"DEPOSIT\",\"amount\":1,\"currency\":\"EUR\"}")).build();
            HttpResponse<String> accepted = http.send(deposit, HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 201 && accepted.statusCode() != 202) {
                return; // a refused or overloaded write has nothing to read back
            }
            long position = JSON.readTree(accepted.body()).path("position").asLong();
            long acknowledged = System.nanoTime();
            Service reader = readers.get(reads++ % readers.size());
            HttpRequest read = HttpRequest.newBuilder(URI.create(reader.url("/api/v1/accounts/probe/transactions"
                            + "?limit=1000&minPosition=" + position))).timeout(Duration.ofSeconds(30))
                    .header("Authorization", TOKEN).build();
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - acknowledged) / 1_000_000;
            if (answer.statusCode() != 200 || !answer.body().contains(id)) {
                failures.add(answer.statusCode() + " after " + millis + " ms for position " + position);
            } else if (count) {
                latencies.add(millis);
            }
        }

        long percentile(int p) {
            if (latencies.isEmpty()) {
                return -1;
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String instance) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put("FINFLOW_QUERY_INSTANCE_ID", instance);
        return copy;
    }

    private static long scalar(TestDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

}
