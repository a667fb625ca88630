package dev.finflow.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL server that tests of this JVM use, found once, in the order DESIGN.md gives:
 * {@code FINFLOW_TEST_DB_URL} (an admin JDBC URL of a running server), else a Testcontainers PostgreSQL where a
 * Docker engine answers, else an embedded PostgreSQL. Each test gets its own database on it.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static volatile PostgresServer shared;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String origin;

    private PostgresServer(String adminUrl, String user, String password, String origin) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    /** The server for this JVM, started or found on first use. */
    public static PostgresServer shared() {
        if (shared == null) {
            synchronized (PostgresServer.class) {
                if (shared == null) {
                    shared = locate();
                    log.info("Tests use PostgreSQL from {}: {}", shared.origin, shared.adminUrl);
                }
            }
        }
        return shared;
    }

    /** Creates a new, empty database; dropping it is the caller's (see {@link TestDatabase#close()}). */
    public TestDatabase createDatabase() {
        String name = "finflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(this, name, databaseUrl(name), user, password);
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    public String origin() {
        return origin;
    }

    private String databaseUrl(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + adminUrl, e);
        }
    }

    private static PostgresServer locate() {
        String url = setting("FINFLOW_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url, orDefault(setting("FINFLOW_TEST_DB_USER"), "postgres"),
                    orDefault(setting("FINFLOW_TEST_DB_PASSWORD"), ""), "FINFLOW_TEST_DB_URL");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        return embedded();
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("embedded PostgreSQL did not stop cleanly", e);
                }
            }));
            return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return value != null ? value : System.getenv(name);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
