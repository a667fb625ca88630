package dev.finflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestDatabase;
import dev.finflow.testing.TestIssuer;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore drill of docs/operate.md, "Backups": a ledger is written through the API, the events are backed up
 * with the documented command ({@code EventBackup} from the command side's jar), the database is dropped, the
 * events alone are restored into a new one, and the services started on it rebuild every read model from them:
 * {@code verify} finds no difference in any projection, every holding and monthly balance reads as before, the
 * command side's processes do not act again on what they had done, and the next write continues the numbering.
 */
class RestoreDrillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = TestTokens.bearer("restore-drill", Role.values());
    private static final List<String> ACCOUNTS = List.of("rd-1", "rd-2", "rd-3");
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void eventsAloneRestoreEveryFigure() throws Exception {
        Path backup = Files.createTempDirectory("finflow-restore-drill").resolve("events.backup");
        Map<String, String> before;
        long head;
        try (TestDatabase original = TestDatabase.create()) {
            try (Service command = Service.start("drill-command", "command-side", environment(original));
                 Service query = Service.start("drill-query", "query-side", environment(original))) {
                command.awaitHealthy(STARTUP);
                query.awaitHealthy(STARTUP);
                writeLedger(command);
                // Everything the processes do follows from the writes: the transfer, and the split on each account.
                Waiting.until(Duration.ofSeconds(120), () -> transfersSettled(original) && scalar(original,
                        "select count(*) from events.domain_event_entry where payload_type like "
                                + "'%SplitAppliedEvent'") == ACCOUNTS.size());
                head = scalar(original, "select max(global_index) from events.domain_event_entry");
                awaitCaughtUp(query, head);
                before = figures(query);
            }
            String backingUp = tool("backup", backup, original);
            System.out.println("restore drill: " + backingUp.strip());
            assertThat(backingUp).contains("backup: " + count(original) + " events");
        }

        try (TestDatabase restored = TestDatabase.create()) {
            String restoring = tool("restore", backup, restored);
            assertThat(restoring).contains("restore: ");
            long events = count(restored);
            assertThat(scalar(restored, "select max(global_index) from events.domain_event_entry")).isEqualTo(head);
            try (Service command = Service.start("drill-command-restored", "command-side", environment(restored));
                 Service query = Service.start("drill-query-restored", "query-side", environment(restored))) {
                command.awaitHealthy(STARTUP);
                query.awaitHealthy(STARTUP);
                awaitCaughtUp(query, head);

                Map<String, JsonNode> verified = new LinkedHashMap<>();
                for (JsonNode status : get(query, "/api/v1/admin/projections")) {
                    String name = status.path("name").asText();
                    verified.put(name, get(query, "/api/v1/admin/projections/" + name + "/verify"));
                }
                System.out.printf(Locale.ROOT, "restore drill: %s; %d events; every projection verified%n",
                        restoring.strip(), events);
                assertThat(verified).isNotEmpty();
                verified.forEach((name, answer) -> assertThat(answer.path("differences").size())
                        .as("verify %s after the restore: %s", name, answer).isZero());
                assertThat(figures(query)).isEqualTo(before);

                // The command side's processes start on the restored events without acting on them again ...
                Thread.sleep(3_000);
                assertThat(count(restored)).as("events after the restored processes started").isEqualTo(events);
                // ... and the next write continues the numbering.
                JsonNode accepted = post(command, "/api/v1/accounts/rd-1/transactions", "{\"transactionId\":"
                        + "\"after-restore\",\"type\":\"DEPOSIT\",\"amount\":5,\"currency\":\"EUR\"}");
                assertThat(accepted.path("position").asLong()).isGreaterThan(head);
            }
        } finally {
            Files.deleteIfExists(backup);
        }
    }

    private void writeLedger(Service command) throws Exception {
        post(command, "/api/v1/instruments", "{\"symbol\":\"RDX\",\"name\":\"Drill\",\"type\":\"EQUITY\","
                + "\"currency\":\"EUR\",\"exchange\":\"XETRA\"}");
        for (String account : ACCOUNTS) {
            post(command, "/api/v1/accounts", "{\"accountId\":\"" + account + "\",\"name\":\"Drill\","
                    + "\"currency\":\"EUR\",\"openedOn\":\"2024-01-02\"}");
            transaction(command, account, "{\"transactionId\":\"d1\",\"type\":\"DEPOSIT\",\"amount\":\"5000.00\","
                    + "\"currency\":\"EUR\",\"date\":\"2024-01-03\"}");
            transaction(command, account, "{\"transactionId\":\"b1\",\"type\":\"BUY\",\"symbol\":\"RDX\","
                    + "\"quantity\":10,\"price\":\"12.34\",\"fee\":1,\"currency\":\"EUR\",\"date\":\"2024-02-05\"}");
            transaction(command, account, "{\"transactionId\":\"f1\",\"type\":\"FEE\",\"amount\":\"2.50\","
                    + "\"currency\":\"EUR\",\"date\":\"2024-03-01\"}");
        }
        post(command, "/api/v1/instruments/RDX/splits", "{\"effectiveDate\":\"2024-04-02\",\"numerator\":1,"
                + "\"denominator\":3,\"cashInLieuPrice\":40}");
        post(command, "/api/v1/transfers", "{\"transferId\":\"t1\",\"fromAccountId\":\"rd-1\",\"toAccountId\":"
                + "\"rd-2\",\"amount\":\"100.00\",\"currency\":\"EUR\"}");
        transaction(command, "rd-3", "{\"transactionId\":\"s1\",\"type\":\"SELL\",\"symbol\":\"RDX\","
                + "\"quantity\":1,\"price\":45,\"currency\":\"EUR\",\"date\":\"2024-05-06\"}");
        post(command, "/api/v1/accounts/rd-2/transactions/f1/reversal", "{\"transactionId\":\"r1\",\"reason\":\"drill\"}");
    }

    /** Holdings and monthly balances of every account, as the API answers them. */
    private Map<String, String> figures(Service query) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            figures.put(account + " holdings", get(query, "/api/v1/accounts/" + account + "/holdings").toString());
            figures.put(account + " monthly", get(query, "/api/v1/accounts/" + account
                    + "/monthly-balances?limit=100").toString());
        }
        return figures;
    }

    private void transaction(Service command, String account, String body) throws Exception {
        post(command, "/api/v1/accounts/" + account + "/transactions", body);
    }

    private JsonNode post(Service service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST %s %s: %s", path, body, answer.body()).isBetween(200, 299);
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private JsonNode get(Service service, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", TOKEN).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private void awaitCaughtUp(Service query, long head) throws Exception {
        Waiting.until(Duration.ofSeconds(180), () -> {
            for (JsonNode status : get(query, "/api/v1/admin/projections")) {
                if (status.path("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The backup or restore command of docs/operate.md, run as an operator would, against {@code database}. */
    private static String tool(String action, Path file, TestDatabase database) throws Exception {
        Path home = Path.of(System.getProperty("finflow.home", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", home.resolve("command-side/target/command-side.jar").toString(),
                "-Dloader.main=dev.finflow.runtime.backup.EventBackup",
                "org.springframework.boot.loader.launch.PropertiesLauncher", action, file.toString())
                .redirectErrorStream(true);
        builder.environment().put("FINFLOW_DB_URL", database.jdbcUrl());
        builder.environment().put("FINFLOW_DB_USER", database.username());
        builder.environment().put("FINFLOW_DB_PASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", action, output).isZero();
        // The tool's last line is its summary ("backup: 57 events, FILE, 740 ms"); before it, Flyway's log.
        return output.lines().filter(line -> line.startsWith(action + ": ")).reduce((a, b) -> b).orElse(output);
    }

    private static Map<String, String> environment(TestDatabase database) {
        return Map.of("FINFLOW_DB_URL", database.jdbcUrl(), "FINFLOW_DB_USER", database.username(),
                "FINFLOW_DB_PASSWORD", database.password(), "FINFLOW_OIDC_ISSUER_URI", TestIssuer.shared().uri());
    }

    private static boolean transfersSettled(TestDatabase database) throws Exception {
        return scalar(database, "select count(*) filter (where payload_type like '%TransferSentEvent') - count(*) "
                + "filter (where payload_type like '%TransferReceivedEvent' or payload_type like "
                + "'%TransferRefundedEvent') from events.domain_event_entry") == 0;
    }

    private static long count(TestDatabase database) throws Exception {
        return scalar(database, "select count(*) from events.domain_event_entry");
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
