package dev.finflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestDatabase;
import dev.finflow.testing.TestIssuer;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure of a person, end to end on the packaged services and a real PostgreSQL (docs/privacy.md, "Erasure of personal
 * data"): unique random strings written as a person's username (at the auth server), account names, memos and a
 * reversal reason come back exactly in their export; after an admin erases the person none of them is anywhere in
 * a {@code pg_dump} of the whole database (every schema, the auth server's included) nor in any service's log,
 * the person can no longer sign in, every projection rebuilds, {@code verify} finds no difference, the balances
 * read as before and the memos read {@code [erased]}.
 */
class ErasureSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The person's opaque id at the auth server, and a token of theirs from the test issuer. */
    private String person;
    private String owner;
    private final String admin = TestTokens.bearer("erasure-admin", Role.ADMIN);
    private final String bystander = "bystander-" + UUID.randomUUID();
    /** The services' master key; the rotation at the end opens the persons' keys with it, so they must have used it. */
    private final String masterKey = key();
    private final String main = "er-" + UUID.randomUUID().toString().substring(0, 8);
    private final String savings = "er-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anErasedPersonsNamesAndMemosAreNowhereAndEveryFigureStays() throws Exception {
        Map<String, String> seeded = new LinkedHashMap<>();
        for (String key : List.of("main name", "savings name", "deposit memo", "withdrawal memo", "fee memo",
                "transfer memo", "reversal reason")) {
            seeded.put(key, random());
        }
        String bystanderName = random();
        String username = random().toLowerCase(Locale.ROOT);
        try (TestDatabase database = TestDatabase.create()) {
            int authPort = Service.freePort();
            Path credentials = Path.of("target/system-logs/erasure-credentials").toAbsolutePath();
            Files.createDirectories(credentials.getParent());
            Files.deleteIfExists(credentials);
            Map<String, String> authEnvironment = new HashMap<>(environment(database));
            authEnvironment.put("FINFLOW_OIDC_ISSUER_URI", "http://127.0.0.1:" + authPort);
            authEnvironment.put("FINFLOW_AUTH_CREDENTIALS_FILE", credentials.toString());
            try (Service auth = Service.start("erasure-auth", "auth-server", authEnvironment, authPort);
                 Service command = Service.start("erasure-command", "command-side", environment(database));
                 Service query = Service.start("erasure-query", "query-side", environment(database))) {
                auth.awaitHealthy(STARTUP);
                command.awaitHealthy(STARTUP);
                query.awaitHealthy(STARTUP);
                String password = createUser(auth, credentials, username);
                assertThat(signIn(auth, username, password)).as("signs in before the erasure")
                        .doesNotEndWith("?error");
                post(command, "/api/v1/accounts", """
                        {"name":"%s","currency":"EUR"}""".formatted(bystanderName),
                        TestTokens.bearer(bystander, Role.OWNER));
                seeded.put("username", username);
                exportEraseAndCheck(command, query, database, seeded);
                assertThat(signIn(auth, username, password)).as("signs in after the erasure").endsWith("?error");
                assertThat(get(command, "/api/v1/persons/" + bystander + "/export", admin).path("items")
                        .findValuesAsText("value")).as("another person's data stays").containsExactly(bystanderName);
                assertThat(pgDump(database)).doesNotContain(bystanderName);
            }
            String rotated = rotateMasterKey(database);
            System.out.println("erasure: " + rotated);
            assertThat(rotated).as("the bystander's key, wrapped with FINFLOW_KEYS_MASTER_KEY, re-wrapped")
                    .contains("rotation: 1 keys re-wrapped");
        }
        for (String log : List.of("erasure-auth", "erasure-command", "erasure-query")) {
            String captured = Files.readString(Path.of("target/system-logs", log + ".log"));
            assertThat(captured).as(log).contains("Started");
            for (Map.Entry<String, String> value : seeded.entrySet()) {
                assertThat(captured).as("%s's log holds the %s", log, value.getKey())
                        .doesNotContain(value.getValue());
            }
        }
    }

    /** Seeds, exports, erases, rebuilds: the figures stay, the seeded values are in no table, a dump included. */
    private void exportEraseAndCheck(Service command, Service query, TestDatabase database,
                                     Map<String, String> seeded) throws Exception {
        long written = seed(command, seeded);
        awaitCaughtUp(query, written);
        List<String> exported = new ArrayList<>();
        JsonNode export = get(command, "/api/v1/persons/" + person + "/export", owner);
        export.path("items").forEach(item -> exported.add(item.path("value").asText()));
        assertThat(export.path("signIn").path("username").asText()).as("the auth server's profile")
                .isEqualTo(seeded.get("username"));
        assertThat(exported).as("the export: every seeded value, the transfer memo at both accounts")
                .containsExactlyInAnyOrder(seeded.get("main name"), seeded.get("savings name"),
                        seeded.get("deposit memo"), seeded.get("withdrawal memo"), seeded.get("fee memo"),
                        seeded.get("transfer memo"), seeded.get("transfer memo"), seeded.get("reversal reason"));
        assertThat(memos(query)).contains(seeded.get("deposit memo"), seeded.get("reversal reason"));
        Map<String, String> balances = balances(query);

        JsonNode erased = post(command, "/api/v1/persons/" + person + "/erasure", "", admin);
        assertThat(erased.path("status").asText()).isEqualTo("ERASED");
        Waiting.until(Duration.ofSeconds(30), () -> get(command, "/api/v1/persons/" + person + "/export", owner)
                .path("signIn").hasNonNull("erasedAt"));
        assertThat(get(command, "/api/v1/persons/" + person + "/export", owner).path("signIn").path("username")
                .asText()).isEqualTo("[erased]");
        awaitCaughtUp(query, erased.path("position").asLong());
        Map<String, Integer> versions = rebuildEveryProjection(query, erased.path("position").asLong());

        versions.forEach((name, version) -> {
            JsonNode verified = get(query, "/api/v1/admin/projections/" + name + "/verify", admin);
            assertThat(verified.path("differences").size()).as("verify %s: %s", name, verified).isZero();
            assertThat(verified.path("version").asInt()).as(name).isEqualTo(version);
        });
        assertThat(balances(query)).isEqualTo(balances);
        assertThat(memos(query)).containsOnly("[erased]");
        assertThat(get(command, "/api/v1/persons/" + person + "/export", owner).path("items")
                .findValuesAsText("value")).hasSize(8).containsOnly("[erased]");
        String dump = pgDump(database);
        assertThat(dump).contains("PersonErasedEvent").contains(person);
        for (Map.Entry<String, String> value : seeded.entrySet()) {
            assertThat(dump).as("pg_dump holds the %s", value.getKey()).doesNotContain(value.getValue());
        }
        System.out.printf("erasure: %d values seeded, exported, erased at position %d; %d projections rebuilt "
                + "and verified; pg_dump of %d bytes holds none of them%n", seeded.size(),
                erased.path("position").asLong(), versions.size(), dump.length());
    }

    /** Two accounts and their transactions, each text one of {@code seeded}; answers the last position written. */
    private long seed(Service command, Map<String, String> seeded) throws Exception {
        post(command, "/api/v1/accounts", """
                {"accountId":"%s","name":"%s","currency":"EUR","openedOn":"2024-01-02"}"""
                .formatted(main, seeded.get("main name")), owner);
        post(command, "/api/v1/accounts", """
                {"accountId":"%s","name":"%s","currency":"EUR","openedOn":"2024-01-02"}"""
                .formatted(savings, seeded.get("savings name")), owner);
        String transactions = "/api/v1/accounts/" + main + "/transactions";
        post(command, transactions, """
                {"transactionId":"d1","type":"DEPOSIT","amount":"1000.00","currency":"EUR","date":"2024-01-03",
                 "memo":"%s"}""".formatted(seeded.get("deposit memo")), owner);
        post(command, transactions, """
                {"transactionId":"w1","type":"WITHDRAWAL","amount":"20.00","currency":"EUR","date":"2024-01-04",
                 "memo":"%s"}""".formatted(seeded.get("withdrawal memo")), owner);
        post(command, transactions, """
                {"transactionId":"f1","type":"FEE","amount":"2.50","currency":"EUR","date":"2024-01-05",
                 "memo":"%s"}""".formatted(seeded.get("fee memo")), owner);
        post(command, "/api/v1/transfers", """
                {"transferId":"t1","fromAccountId":"%s","toAccountId":"%s","amount":"100.00","currency":"EUR",
                 "date":"2024-01-06","memo":"%s"}""".formatted(main, savings, seeded.get("transfer memo")), owner);
        long last = post(command, transactions + "/f1/reversal", """
                {"transactionId":"r1","date":"2024-01-07","reason":"%s"}""".formatted(seeded.get("reversal reason")),
                owner).path("position").asLong();
        // The transfer process credits the savings account after the answer.
        Waiting.until(Duration.ofSeconds(60), () -> get(command, "/api/v1/persons/" + person + "/export", owner)
                .path("items").size() == 8);
        return Math.max(last, get(command, "/api/v1/persons/" + person + "/export", owner).path("items")
                .findValues("position").stream().mapToLong(JsonNode::asLong).max().orElse(0));
    }

    private List<String> memos(Service query) {
        List<String> memos = new ArrayList<>();
        for (String account : List.of(main, savings)) {
            get(query, "/api/v1/accounts/" + account + "/transactions?limit=100", owner).path("items")
                    .forEach(item -> {
                        if (item.hasNonNull("memo")) {
                            memos.add(item.path("memo").asText());
                        }
                    });
        }
        return memos;
    }

    private Map<String, String> balances(Service query) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String account : List.of(main, savings)) {
            figures.put(account + " holdings", get(query, "/api/v1/accounts/" + account + "/holdings", owner)
                    .toString());
            figures.put(account + " monthly", get(query, "/api/v1/accounts/" + account
                    + "/monthly-balances?limit=100", owner).toString());
        }
        assertThat(figures.get(main + " holdings")).contains("\"quantity\":880.0,");
        return figures;
    }

    /** Rebuilds every projection of the query side from the first event; answers each one's new version. */
    private Map<String, Integer> rebuildEveryProjection(Service query, long head) throws Exception {
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (JsonNode status : get(query, "/api/v1/admin/projections", admin)) {
            String name = status.path("name").asText();
            versions.put(name, status.path("activeVersion").asInt() + 1);
            post(query, "/api/v1/admin/projections/" + name + "/rebuild", "", admin);
        }
        Waiting.until(Duration.ofSeconds(180), () -> {
            for (JsonNode status : get(query, "/api/v1/admin/projections", admin)) {
                if (status.path("activeVersion").asInt() != versions.get(status.path("name").asText())
                        || !"LIVE".equals(status.path("state").asText()) || status.path("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        });
        return versions;
    }

    private void awaitCaughtUp(Service query, long position) throws Exception {
        Waiting.until(Duration.ofSeconds(180), () -> {
            for (JsonNode status : get(query, "/api/v1/admin/projections", admin)) {
                if (status.path("position").asLong() < position) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Every schema of the database, as {@code pg_dump} writes it. Tried again (up to three times) when a table
     * vanished while it ran: the query side drops a projection's old tables after a rebuild's swap.
     */
    private static String pgDump(TestDatabase database) throws Exception {
        String pgDump = Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump"))
                ? "/usr/lib/postgresql/15/bin/pg_dump" : "pg_dump";
        Path errors = Files.createTempFile("erasure-pg-dump", ".err");
        try {
            for (int attempt = 1; ; attempt++) {
                ProcessBuilder builder = new ProcessBuilder(pgDump, "--no-owner",
                        "--dbname=" + database.jdbcUrl().substring("jdbc:".length()),
                        "--username=" + database.username());
                builder.environment().put("PGPASSWORD", database.password());
                Process process = builder.redirectError(errors.toFile()).start();
                String dump = new String(process.getInputStream().readAllBytes());
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String error = Files.readString(errors);
                if (process.exitValue() != 0 && attempt < 3 && error.contains("does not exist")) {
                    System.out.println("erasure: pg_dump met a table dropped meanwhile, again: " + error.strip());
                    continue;
                }
                assertThat(process.exitValue()).as("pg_dump: %s", error).isZero();
                assertThat(dump).contains("CREATE SCHEMA auth", "CREATE SCHEMA events", "CREATE SCHEMA keys",
                        "CREATE SCHEMA query");
                return dump;
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The master key rotation of docs/privacy.md, run from the command side's jar as an operator would. */
    private String rotateMasterKey(TestDatabase database) throws Exception {
        Path home = Path.of(System.getProperty("finflow.home", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", home.resolve("command-side/target/command-side.jar").toString(),
                "-Dloader.main=dev.finflow.runtime.keys.MasterKeyRotation",
                "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true);
        builder.environment().putAll(environment(database));
        builder.environment().put("FINFLOW_KEYS_NEW_MASTER_KEY", key());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("rotation: %s", output).isZero();
        return output.lines().filter(line -> line.startsWith("rotation: ")).findFirst().orElse(output);
    }

    /** A user at the auth server, made by its first-start admin client; answers their password. */
    private String createUser(Service auth, Path credentials, String username) throws Exception {
        Properties first = new Properties();
        try (InputStream in = Files.newInputStream(credentials)) {
            first.load(in);
        }
        String basic = Base64.getEncoder().encodeToString((first.getProperty("FINFLOW_CLIENT_ID") + ":"
                + first.getProperty("FINFLOW_CLIENT_SECRET")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(auth.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode user = post(auth, "/api/v1/users", """
                {"username":"%s","roles":["owner"]}""".formatted(username),
                "Bearer " + JSON.readTree(token.body()).path("access_token").asText());
        person = user.path("id").asText();
        owner = TestTokens.bearer(person, Role.OWNER);
        return user.path("password").asText();
    }

    /** Signs in through the auth server's form; answers where it redirects ({@code /login?error} on refusal). */
    private static String signIn(Service auth, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(auth.url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(auth.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** 24 random letters and digits: found in a dump only if this run wrote it. */
    private static String random() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder text = new StringBuilder("Pii");
        for (int i = 0; i < 24; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private JsonNode post(Service service, String path, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 299);
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private JsonNode get(Service service, String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path)))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", token).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    private Map<String, String> environment(TestDatabase database) {
        return Map.of("FINFLOW_DB_URL", database.jdbcUrl(), "FINFLOW_DB_USER", database.username(),
                "FINFLOW_DB_PASSWORD", database.password(), "FINFLOW_OIDC_ISSUER_URI", TestIssuer.shared().uri(),
                "FINFLOW_KEYS_MASTER_KEY", masterKey);
    }
}
