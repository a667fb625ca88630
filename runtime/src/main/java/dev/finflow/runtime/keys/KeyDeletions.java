package dev.finflow.runtime.keys;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Deletions of persons' keys (erasures), announced on a PostgreSQL channel by the deleting transaction and heard by
 * every instance that holds something of a person: a service's cache of sealing keys, the auth server's profiles.
 * One connection per listener, on a thread of its own; a lost connection is retried every second, and the
 * listener is told when it (re)starts, since what was announced meanwhile was not heard.
 */
public final class KeyDeletions implements AutoCloseable {

    /** What an instance does with what it hears. */
    public interface Listener {

        /** The key of {@code personId} was deleted; {@link #EVERY_KEY} when several were. */
        void deleted(String personId);

        /** Listening started ({@code true}: what was deleted before is not announced again) or stopped. */
        void listening(boolean up);
    }

    /** The payload announcing keys deleted in bulk. */
    public static final String EVERY_KEY = "*";

    static final String CHANNEL = "finflow_person_key_deleted";

    private static final Logger log = LoggerFactory.getLogger(KeyDeletions.class);

    private final DataSource dataSource;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean closed;

    public KeyDeletions(DataSource dataSource, String name, Listener listener) {
        this.dataSource = dataSource;
        this.listener = listener;
        this.thread = new Thread(this::listen, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Announces the deletion of a person's key; on commit when {@code jdbc} is in a transaction. */
    static void announce(JdbcTemplate jdbc, String personId) {
        jdbc.query("select pg_notify(?, ?)", (ResultSet ignored) -> null, CHANNEL, personId);
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listener.listening(true);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(500);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            listener.deleted(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                listener.listening(false);
                if (!closed) {
                    log.warn("{}: cannot listen for erasures ({}); retrying in 1 s", thread.getName(),
                            lost.getClass().getSimpleName());
                    pause();
                }
            }
        }
        listener.listening(false);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
