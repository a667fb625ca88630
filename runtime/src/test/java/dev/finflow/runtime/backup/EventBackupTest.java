package dev.finflow.runtime.backup;

import dev.finflow.runtime.store.SchemaMigrations;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backup restores every event exactly, holes in the numbering included, and only into an empty store. */
class EventBackupTest {

    @TempDir
    Path folder;

    @Test
    void restoresEveryEventExactlyAndTheNextWriteContinuesTheNumbering() throws Exception {
        try (TestDatabase source = TestDatabase.create(); TestDatabase target = TestDatabase.create()) {
            PGSimpleDataSource from = dataSource(source);
            SchemaMigrations.migrateEvents(from);
            append(from, "acc-1", 0, "{\"memo\":\"caf\\u00e9 \\\\u0000 100.10\"}");
            try (Connection connection = from.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("select events.next_global_index()"); // a hole, as a rolled-back writer leaves
                connection.rollback();
            }
            append(from, "acc-1", 1, "{\"amount\":1e-7}");
            append(from, "acc-2", 0, "{}");
            Path file = folder.resolve("events.backup");

            assertThat(EventBackup.backup(from, file)).isEqualTo(3);
            assertThat(folder.resolve("events.backup.partial")).doesNotExist();
            PGSimpleDataSource to = dataSource(target);
            assertThat(EventBackup.restore(to, file)).isEqualTo(3);

            assertThat(rows(to)).isEqualTo(rows(from)).hasSize(3);
            assertThat(rows(to).get(2)).startsWith("4|"); // indexes kept, the hole at 2 included
            append(to, "acc-3", 0, "{}");
            assertThat(rows(to).get(3)).startsWith("5|");
        }
    }

    @Test
    void refusesAStoreThatHoldsEventsAndAFileThatIsNoBackupChangingNothing() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            PGSimpleDataSource store = dataSource(database);
            SchemaMigrations.migrateEvents(store);
            append(store, "acc-1", 0, "{}");
            Path file = folder.resolve("events.backup");
            EventBackup.backup(store, file);

            assertThatThrownBy(() -> EventBackup.restore(store, file)).hasMessageContaining("already holds events");
            Path other = Files.writeString(folder.resolve("notes.txt"), "not a backup");
            assertThatThrownBy(() -> EventBackup.restore(store, other)).hasMessageContaining("not a Finflow");
            assertThat(rows(store)).hasSize(1);
        }
    }

    private static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private static void append(PGSimpleDataSource dataSource, String aggregate, long sequence, String payload)
            throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into events.domain_event_entry (aggregate_identifier, sequence_number, type, "
                    + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) values ('"
                    + aggregate + "', " + sequence + ", 'Account', gen_random_uuid()::text, '{}', '" + payload
                    + "', '1', 'Test', '2026-12-05T10:00:00Z')");
        }
    }

    private static List<String> rows(PGSimpleDataSource dataSource) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select global_index, aggregate_identifier, sequence_number, "
                     + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp "
                     + "from events.domain_event_entry order by global_index")) {
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    line.append(i == 1 ? "" : "|").append(row.getString(i));
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }
}
