package dev.finflow.runtime.projection;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One {@code INSERT ... ON CONFLICT} of many rows, sent through PostgreSQL's {@code COPY}: the rows are copied
 * into a temporary staging table of the session and inserted from it with a single statement, with the same
 * conflict clause a row-by-row insert would have. It does what a JDBC batch of the insert does (the same rows,
 * the same idempotency) for much less CPU on both sides: no parameter binding per value, and one statement for
 * PostgreSQL to plan and execute instead of one per row or per 128 rows (figures in {@code docs/benchmarks.md}).
 * <p>
 * When the clause ignores conflicts ({@code ... do nothing}, as for rows keyed by the event's position), or the
 * caller says that the rows are {@linkplain #mostlyNew() mostly new}, the rows are first copied straight into the
 * table, under a savepoint. With none of them stored yet (as a rule: an event's rows come again only when the
 * event is delivered again) that is the whole insert, without the staging table's copy and scan and without the
 * conflict checks. A stored row among them makes the copy fail as a unique violation: it is undone, and the rows
 * take the staging path, which applies the clause to them.
 * <p>
 * A few rows (fewer than {@value #COPY_FROM}, a live processor's usual batch) go as a JDBC batch of the same
 * insert instead: the COPY takes three round trips more than the batch, which for a handful of rows costs more
 * than it saves.
 * <p>
 * The staging table ({@code pg_temp.<table>_stage}, with the listed columns' types and no constraints) lives as
 * long as the pooled connection, is emptied after each insert and at every commit, and is never seen by another
 * session. Runs in the caller's transaction. Values: {@code null}, strings, whole numbers, {@link BigDecimal},
 * dates ({@link LocalDate}, {@link java.sql.Date}) and instants ({@link Instant}, {@link Timestamp}).
 */
public final class BulkInsert {

    /** From this many rows on, the rows go through COPY. */
    static final int COPY_FROM = 100;
    private static final String UNIQUE_VIOLATION = "23505";

    private final String table;
    private final String columns;
    private final String alias;
    private final String conflict;
    private final String stage;
    private final int copyFrom;
    /** Rows are first copied straight into the table (most are new). */
    private final boolean straightFirst;

    private BulkInsert(String table, String alias, String columns, String conflict, int copyFrom,
                       boolean straightFirst) {
        this.table = table;
        this.alias = alias;
        this.columns = columns;
        this.conflict = conflict;
        this.stage = "pg_temp." + table.substring(table.indexOf('.') + 1) + "_stage";
        this.copyFrom = copyFrom;
        this.straightFirst = straightFirst;
    }

    /**
     * An insert into {@code table} (a qualified name from {@link TableSet#name}) of {@code columns} (comma
     * separated), with {@code conflict}: what follows {@code ON CONFLICT}, e.g. {@code (position) do nothing}.
     */
    public static BulkInsert into(String table, String columns, String conflict) {
        return new BulkInsert(table, null, columns, conflict, COPY_FROM, ignoresConflicts(conflict));
    }

    /** As {@link #into(String, String, String)}, with an alias the conflict clause uses for the stored row. */
    public static BulkInsert into(String table, String alias, String columns, String conflict) {
        return new BulkInsert(table, alias, columns, conflict, COPY_FROM, ignoresConflicts(conflict));
    }

    /**
     * The same insert for rows that are new as a rule (an update of a stored row is the exception): they are
     * first copied straight into the table, whatever the conflict clause; a stored row among them sends them
     * the staging path, which applies the clause. What is stored never depends on it, only the cost.
     */
    public BulkInsert mostlyNew() {
        return new BulkInsert(table, alias, columns, conflict, copyFrom, true);
    }

    /**
     * Writes rows of two kinds: {@code maybeStored} may be stored already, {@code mostlyNew} are new as a rule.
     * When the new ones are enough to be copied, they are copied {@linkplain #mostlyNew() straight in} and the
     * others take the clause; otherwise all go in one statement, as a live batch's few rows should.
     */
    public void write(JdbcTemplate jdbc, List<Object[]> maybeStored, List<Object[]> mostlyNew) {
        if (mostlyNew.size() < copyFrom) {
            List<Object[]> all = new ArrayList<>(maybeStored.size() + mostlyNew.size());
            all.addAll(maybeStored);
            all.addAll(mostlyNew);
            write(jdbc, all);
            return;
        }
        write(jdbc, maybeStored);
        mostlyNew().write(jdbc, mostlyNew);
    }

    private static boolean ignoresConflicts(String conflict) {
        return conflict.strip().toLowerCase(Locale.ROOT).endsWith("do nothing");
    }

    /** The same insert, sending {@code rows} or more rows through COPY (tests: 0 for always, a big number never). */
    BulkInsert copyingFrom(int rows) {
        return new BulkInsert(table, alias, columns, conflict, rows, straightFirst);
    }

    /** Inserts {@code rows} (values in the order of the columns); nothing when there are none. */
    public void write(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() < copyFrom) {
            batch(jdbc, rows);
            return;
        }
        StringBuilder text = new StringBuilder(256);
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
            if (r == 0) {
                // room for rows like the first, up to 16 M characters at once
                text.ensureCapacity((int) Math.min(16L << 20, (long) text.length() * (rows.size() + rows.size() / 8)));
            }
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // Outside a transaction every statement would commit, and the commit empties the staging table.
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try {
                copyAndInsert(connection, text.toString());
                if (own) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    private void copyAndInsert(Connection connection, String text) throws SQLException {
        if (straightFirst && copiedStraightIn(connection, text)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temp table if not exists " + stage.substring("pg_temp.".length())
                    + " on commit delete rows as select " + columns + " from " + table + " with no data");
            statement.clearWarnings();
            copy(connection, stage, text);
            statement.executeUpdate("insert into " + table + (alias == null ? "" : " as " + alias) + " (" + columns
                    + ") select " + columns + " from " + stage + " on conflict " + conflict);
            statement.execute("delete from " + stage);
        }
    }

    /**
     * Copies the rows straight into the table, under a savepoint: true when that worked. A row the table already
     * holds (the conflict the clause would have ignored) undoes the copy and gives false, for the staging path to
     * insert the rows that are new; any other refusal is thrown as it is.
     */
    private boolean copiedStraightIn(Connection connection, String text) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            copy(connection, table, text);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    private void copy(Connection connection, String into, String text) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + into + " (" + columns
                    + ") from stdin", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("could not copy rows into " + into, e);
        }
    }

    private void batch(JdbcTemplate jdbc, List<Object[]> rows) {
        int width = rows.get(0).length;
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] converted = row.clone();
            for (int i = 0; i < converted.length; i++) {
                if (checked(converted[i]) instanceof Instant instant) {
                    converted[i] = Timestamp.from(instant); // the driver takes no Instant
                }
            }
            values.add(converted);
        }
        jdbc.batchUpdate("insert into " + table + (alias == null ? "" : " as " + alias) + " (" + columns
                + ") values (" + String.join(", ", Collections.nCopies(width, "?")) + ") on conflict " + conflict,
                values);
    }

    /** A value in COPY's text format: {@code \N} for null, and backslash escapes for what would end a field. */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escape(text, string);
        } else if (value instanceof BigDecimal decimal) {
            plain(text, decimal);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            text.append(value);
        } else if (value instanceof java.sql.Date date) {
            date(text, date.toLocalDate());
        } else if (value instanceof LocalDate date) {
            date(text, date);
        } else if (value instanceof Timestamp timestamp) {
            instant(text, timestamp.toInstant());
        } else if (value instanceof Instant instant) {
            instant(text, instant);
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else {
            throw refused(value);
        }
    }

    /**
     * {@code value} if it is of a type {@link #append} writes (the same for both paths, so that whether a value is
     * stored never depends on how many rows come with it); refused otherwise.
     */
    private static Object checked(Object value) {
        if (value == null || value instanceof String || value instanceof BigDecimal || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof java.sql.Date
                || value instanceof LocalDate || value instanceof Timestamp || value instanceof Instant
                || value instanceof Boolean) {
            return value;
        }
        throw refused(value);
    }

    private static IllegalArgumentException refused(Object value) {
        return new IllegalArgumentException("no column value for a " + value.getClass().getName());
    }

    private static void escape(StringBuilder text, String value) {
        // Most values have nothing to escape: four vectorized searches and one copy.
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** A decimal without exponent: its cached {@code toString()} unless that has one (then the slower plain form). */
    private static void plain(StringBuilder text, BigDecimal decimal) {
        String string = decimal.toString();
        text.append(string.indexOf('E') < 0 ? string : decimal.toPlainString());
    }

    /** ISO dates as PostgreSQL reads them: years past 9999 without ISO's sign, years before 1 as BC. */
    private static void date(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        if (year < 1) {
            text.append(date.withYear(1 - year)).append(" BC");
        } else if (year > 9999) {
            text.append(date.toString(), 1, date.toString().length()); // without ISO's "+"
        } else {
            pad(text, year / 100);
            pad(text, year % 100);
            text.append('-');
            pad(text, date.getMonthValue());
            text.append('-');
            pad(text, date.getDayOfMonth());
        }
    }

    /** An instant in UTC, to the microsecond PostgreSQL keeps (it rounds the rest as its own input does). */
    private static void instant(StringBuilder text, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1) {
            throw new IllegalArgumentException("no COPY text for an instant before year 1: " + instant);
        }
        date(text, utc.toLocalDate());
        text.append(' ');
        pad(text, utc.getHour());
        text.append(':');
        pad(text, utc.getMinute());
        text.append(':');
        pad(text, utc.getSecond());
        int nanos = utc.getNano();
        if (nanos != 0) {
            String fraction = Integer.toString(1_000_000_000 + nanos); // 1 and nine digits
            text.append('.').append(fraction, 1, fraction.length());
        }
        text.append("+00");
    }

    private static void pad(StringBuilder text, int twoDigits) {
        text.append((char) ('0' + twoDigits / 10)).append((char) ('0' + twoDigits % 10));
    }
}
