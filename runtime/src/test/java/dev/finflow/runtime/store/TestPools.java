package dev.finflow.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.testing.TestDatabase;

/** A connection pool on a test's fresh database, as the store's tests open one; the caller closes it. */
final class TestPools {

    private TestPools() {
    }

    static HikariDataSource on(TestDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
