package dev.finflow.runtime.backup;

import dev.finflow.runtime.store.SchemaMigrations;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A backup of the one thing that cannot be rebuilt: the events. Every read model, token and snapshot can be made
 * again from them by replay, so a backup holds {@code events.domain_event_entry} only, row for row with its global
 * indexes, in PostgreSQL's binary COPY format (exact: no text round trip of the JSON or of the indexes).
 * <p>
 * The backup reads one repeatable-read snapshot, so it is consistent while writers go on; it is written to a
 * temporary file and moved into place, so a file that exists is complete. A restore goes into an empty event store
 * (it refuses a store that holds events), in one transaction, and moves the global index sequence past the
 * highest restored index, so that the next write continues the numbering.
 * <p>
 * From the command line, with {@code FINFLOW_DB_URL}, {@code FINFLOW_DB_USER} and {@code FINFLOW_DB_PASSWORD}:
 * {@code java -cp command-side.jar -Dloader.main=dev.finflow.runtime.backup.EventBackup
 * org.springframework.boot.loader.launch.PropertiesLauncher backup|restore FILE}.
 */
public final class EventBackup {

    private static final byte[] HEADER = "finflow-events-backup 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, "
            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp";

    private EventBackup() {
    }

    /** Writes every stored event to {@code file}; answers how many. */
    public static long backup(DataSource dataSource, Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long rows;
        try (Connection connection = dataSource.getConnection();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            out.write(HEADER);
            rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + COLUMNS
                    + " FROM events.domain_event_entry ORDER BY global_index) TO STDOUT (FORMAT binary)", out);
            connection.commit();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /**
     * Creates the event store's schema if needed and loads {@code file} into it; answers how many events. Refuses
     * (and changes nothing) when the store already holds events or the file is not a backup.
     */
    public static long restore(DataSource dataSource, Path file) throws IOException, SQLException {
        SchemaMigrations.migrateEvents(dataSource);
        try (Connection connection = dataSource.getConnection();
             InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(HEADER.length);
            if (!Arrays.equals(header, HEADER)) {
                throw new IllegalArgumentException(file + " is not a Finflow event backup");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // No writer may slip in between the check and the load.
                statement.execute("LOCK TABLE events.domain_event_entry IN EXCLUSIVE MODE");
                try (ResultSet any = statement.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM events.domain_event_entry)")) {
                    any.next();
                    if (any.getBoolean(1)) {
                        throw new IllegalStateException("the event store already holds events; restore into an "
                                + "empty database");
                    }
                }
                long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY "
                        + "events.domain_event_entry (" + COLUMNS + ") FROM STDIN (FORMAT binary)", in);
                statement.execute("SELECT setval('events.domain_event_entry_global_index_seq', "
                        + "coalesce(max(global_index), 1), max(global_index) IS NOT NULL) "
                        + "FROM events.domain_event_entry");
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: EventBackup backup|restore FILE  (database from FINFLOW_DB_URL, "
                    + "FINFLOW_DB_USER, FINFLOW_DB_PASSWORD)");
            System.exit(2);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        String url = environment("FINFLOW_DB_URL", "");
        if (url.isEmpty()) {
            System.err.println("FINFLOW_DB_URL is not set: name the database to " + args[0]);
            System.exit(2);
        }
        dataSource.setUrl(url);
        dataSource.setUser(environment("FINFLOW_DB_USER", System.getProperty("user.name")));
        dataSource.setPassword(environment("FINFLOW_DB_PASSWORD", ""));
        Path file = Path.of(args[1]);
        long started = System.nanoTime();
        long rows = args[0].equals("backup") ? backup(dataSource, file) : restore(dataSource, file);
        System.out.printf("%s: %d events, %s, %d ms%n", args[0], rows, file,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
