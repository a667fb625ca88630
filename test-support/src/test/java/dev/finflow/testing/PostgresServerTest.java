package dev.finflow.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {

    @Test
    void createsAFreshEmptyDatabaseAndDropsItOnClose() throws SQLException {
        TestDatabase database = TestDatabase.create();
        try (Connection connection = connect(database);
             ResultSet tables = connection.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }

        database.close();

        assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining(database.name());
    }

    @Test
    void twoDatabasesAreIndependent() throws SQLException {
        try (TestDatabase first = TestDatabase.create(); TestDatabase second = TestDatabase.create()) {
            try (Connection connection = connect(first)) {
                connection.createStatement().execute("create table marker(id int)");
            }
            try (Connection connection = connect(second);
                 ResultSet tables = connection.createStatement().executeQuery(
                         "select count(*) from information_schema.tables where table_name = 'marker'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
