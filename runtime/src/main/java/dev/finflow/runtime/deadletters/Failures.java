package dev.finflow.runtime.deadletters;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that may pass by itself (lost connection, deadlock, serialization conflict, server shutting down, a
 * timeout waiting for a command) from one an event causes: only the latter makes a dead letter; the former is
 * retried with the whole batch.
 */
final class Failures {

    /** SQLSTATE classes of connection exceptions, transaction rollbacks, insufficient resources, operator action. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
