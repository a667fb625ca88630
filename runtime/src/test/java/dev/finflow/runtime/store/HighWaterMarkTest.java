package dev.finflow.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mark waits for exactly the transactions that took a global index: one still running holds it below its
 * index, one that ended in any way (commit, rollback, a killed connection) does not, and a long transaction that
 * took no index never does.
 */
class HighWaterMarkTest {

    private TestDatabase database;
    private HikariDataSource dataSource;
    private HighWaterMark mark;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        dataSource = TestPools.on(database);
        new SchemaMigrations(dataSource, "high_water_test");
        mark = new HighWaterMark(dataSource, 0);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
        database.close();
    }

    @Test
    void aRunningWriterHoldsTheMarkBelowItsIndexUntilItEnds() throws SQLException {
        long committed = appendCommitted("a");
        assertThat(settleFor()).isEqualTo(committed);
        try (Connection writer = open()) {
            long held = appendIn(writer, "b");
            long after = appendCommitted("c");
            assertThat(settleFor()).isGreaterThanOrEqualTo(committed).isLessThan(held);
            assertThat(mark.holesAmong(new TreeSet<>(List.of(held)))).isEmpty();

            writer.commit();
            assertThat(settleFor()).isGreaterThanOrEqualTo(after);
            assertThat(mark.holesAmong(new TreeSet<>(List.of(held)))).isEmpty();
        }
    }

    @Test
    void aRolledBackIndexIsAHoleOnceItsWriterHasEnded() throws SQLException {
        long hole = appendRolledBack("never");
        long after = appendCommitted("kept");
        assertThat(settleFor()).isGreaterThanOrEqualTo(after);
        assertThat(mark.holesAmong(new TreeSet<>(List.of(hole)))).containsExactly(hole);
    }

    @Test
    void aKilledWritersIndexIsAHole() throws SQLException {
        Connection writer = open();
        long hole = appendIn(writer, "killed");
        long pid = pid(writer);
        long after = appendCommitted("kept");
        assertThat(settleFor()).isLessThan(hole);
        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + pid + ")");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (settleFor() < after && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(settleFor()).isGreaterThanOrEqualTo(after);
        assertThat(mark.holesAmong(new TreeSet<>(List.of(hole)))).containsExactly(hole);
        try {
            writer.close();
        } catch (SQLException expected) {
            // its backend is gone
        }
    }

    @Test
    void aLongTransactionThatTookNoIndexHoldsNothing() throws SQLException {
        try (Connection other = open(); Statement statement = other.createStatement()) {
            statement.execute("create table public.batch_job (id int)");
            statement.execute("select pg_current_xact_id()");
            long hole = appendRolledBack("never");
            long after = appendCommitted("kept");
            assertThat(settleFor()).isGreaterThanOrEqualTo(after);
            assertThat(mark.holesAmong(new TreeSet<>(List.of(hole)))).containsExactly(hole);
            other.rollback();
        }
    }

    /** Two fences: the first records the writers, the second sees which of them have ended. */
    private long settleFor() {
        mark.settledThrough();
        return mark.settledThrough();
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private long appendCommitted(String aggregate) throws SQLException {
        try (Connection connection = open()) {
            long index = appendIn(connection, aggregate);
            connection.commit();
            return index;
        }
    }

    private long appendRolledBack(String aggregate) throws SQLException {
        try (Connection connection = open()) {
            long index = appendIn(connection, aggregate);
            connection.rollback();
            return index;
        }
    }

    private static long appendIn(Connection connection, String aggregate) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("insert into events.domain_event_entry (event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                     + "values (gen_random_uuid()::text, '" + aggregate + "', 0, 'Test', now()::text, 'java.lang"
                     + ".String', '\"x\"', '{}') returning global_index")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
