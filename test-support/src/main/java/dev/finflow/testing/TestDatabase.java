package dev.finflow.testing;

import java.util.Map;

/** One fresh database on the test server. Close it to drop it. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    TestDatabase(PostgresServer server, String name, String jdbcUrl, String username, String password) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** A fresh database on the shared test server. */
    public static TestDatabase create() {
        return PostgresServer.shared().createDatabase();
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The settings every Finflow service reads its database from (see the README's configuration table). */
    public Map<String, Object> serviceProperties() {
        return Map.of("finflow.db.url", jdbcUrl, "finflow.db.user", username, "finflow.db.password", password);
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
