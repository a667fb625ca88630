package dev.finflow.runner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole platform on one machine with nothing installed but a JDK: an embedded PostgreSQL whose data
 * survives restarts (in {@code .finflow/postgres}), unless {@code FINFLOW_DB_URL} points at one, and each Finflow
 * service as a child process with its output prefixed, the authorization server first. Every service listens on
 * 127.0.0.1 only unless {@code SERVER_ADDRESS} says otherwise. Ctrl-C stops everything.
 */
public final class LocalRunner {

    /** The authorization server first: every other service trusts its tokens. */
    private static final List<ServiceProcess.Spec> SERVICES = List.of(
            new ServiceProcess.Spec("auth-server", "auth-server/target/auth-server.jar", 8084),
            new ServiceProcess.Spec("command-side", "command-side/target/command-side.jar", 8081),
            new ServiceProcess.Spec("query-side", "query-side/target/query-side.jar", 8082),
            new ServiceProcess.Spec("ml-projector", "ml-projector/target/ml-projector.jar", 8083));

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("finflow.home", ".")).toAbsolutePath().normalize();
        Path state = home.resolve(".finflow");
        Files.createDirectories(state);

        Database database = database(state);
        List<ServiceProcess> running = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("[runner] stopping");
            ServiceProcess.stopAll(running);
            database.close();
            System.out.println("[runner] stopped");
        }));

        // The browser sign-in client's secret, shared by the auth-server (which registers it) and the query side.
        String browserSecret = orDefault(System.getenv("FINFLOW_BFF_CLIENT_SECRET"), browserSecret());
        for (ServiceProcess.Spec spec : SERVICES) {
            if (!wanted(spec.name())) {
                continue;
            }
            Path jar = home.resolve(spec.jar());
            if (!Files.exists(jar)) {
                System.out.println("[runner] " + spec.name() + ": no " + spec.jar() + " (run mvn package first)");
                continue;
            }
            Map<String, String> environment = new java.util.HashMap<>(database.environment());
            // A person reads this console: plain text lines unless FINFLOW_LOG_FORMAT asks for JSON (ecs, logstash).
            environment.put("FINFLOW_LOG_FORMAT", System.getenv().getOrDefault("FINFLOW_LOG_FORMAT", ""));
            environment.putIfAbsent("FINFLOW_OIDC_ISSUER_URI", issuer());
            if (spec.name().equals("auth-server")) {
                environment.putIfAbsent("FINFLOW_AUTH_CREDENTIALS_FILE", state.resolve("credentials").toString());
            }
            if (spec.name().equals("auth-server") || spec.name().equals("query-side")) {
                environment.put("FINFLOW_BFF_CLIENT_SECRET", browserSecret);
            }
            if (spec.name().equals("ml-projector")) {
                // DJL never downloads: PyTorch's native library ships in the jar and is unpacked under .finflow/djl.
                environment.putIfAbsent("ENGINE_CACHE_DIR", state.resolve("djl").toString());
                environment.putIfAbsent("JAVA_TOOL_OPTIONS", "-Dai.djl.offline=true");
            }
            running.add(ServiceProcess.start(spec, jar, environment, state.resolve("logs")));
        }
        for (ServiceProcess service : running) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
        System.out.println();
        System.out.println("[runner] Finflow is up. PostgreSQL: " + database.jdbcUrl());
        for (ServiceProcess service : running) {
            System.out.printf("[runner]   %-13s http://127.0.0.1:%d  (API docs: /swagger-ui.html, health: "
                    + "/actuator/health)%n", service.name(), service.port());
        }
        SignInHelp.print(issuer(), state.resolve("credentials"));
        System.out.println("[runner] Logs in " + state.resolve("logs") + ". Ctrl-C stops everything.");

        ServiceProcess exited = ServiceProcess.awaitAnyExit(running);
        if (!stopping.get()) {
            System.out.println("[runner] " + exited.name() + " exited with " + exited.exitCode()
                    + "; see " + exited.logFile() + ". Stopping the others.");
            System.exit(1);
        }
    }

    /** The issuer every service trusts: Finflow's auth-server unless FINFLOW_OIDC_ISSUER_URI names another. */
    private static String issuer() {
        return orDefault(System.getenv("FINFLOW_OIDC_ISSUER_URI"), "http://127.0.0.1:8084");
    }

    private static boolean wanted(String service) {
        String only = System.getenv("FINFLOW_SERVICES");
        return only == null || only.isBlank() || List.of(only.split(",")).contains(service);
    }

    private static Database database(Path state) throws IOException, SQLException {
        String url = System.getenv("FINFLOW_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Database(url, orDefault(System.getenv("FINFLOW_DB_USER"), "postgres"),
                    orDefault(System.getenv("FINFLOW_DB_PASSWORD"), ""), null);
        }
        int port = Integer.parseInt(orDefault(System.getenv("FINFLOW_PG_PORT"), "15432"));
        System.out.println("[runner] starting embedded PostgreSQL on port " + port + ", data in "
                + state.resolve("postgres"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(state.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .start();
        String admin = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
             ResultSet exists = connection.createStatement()
                     .executeQuery("select 1 from pg_database where datname = 'finflow'")) {
            if (!exists.next()) {
                connection.createStatement().execute("create database finflow");
            }
        }
        return new Database("jdbc:postgresql://localhost:" + port + "/finflow", "postgres", "", postgres);
    }

    /** A fresh secret each run: the auth-server registers the browser client anew on every start. */
    private static String browserSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {

        Map<String, String> environment() {
            return Map.of("FINFLOW_DB_URL", jdbcUrl, "FINFLOW_DB_USER", user, "FINFLOW_DB_PASSWORD", password);
        }

        void close() {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    System.err.println("[runner] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }
    }
}
