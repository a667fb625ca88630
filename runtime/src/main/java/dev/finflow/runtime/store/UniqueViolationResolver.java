package dev.finflow.runtime.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append failed because another writer stored the same aggregate sequence number first, so it
 * reports a concurrency conflict (which callers retry) instead of a storage failure. Axon's JDBC resolver only
 * recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws; PostgreSQL
 * says {@code 23505 unique_violation}.
 */
public final class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
