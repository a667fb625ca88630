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

                long written = write(command);

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
