package dev.finflow.query.api;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses query parameters, refusing bad ones with a named problem (400) instead of a framework error. */
public final class Params {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Params() {
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new RuleViolation(QueryRule.INVALID_DATE, name + " must be a date YYYY-MM-DD (years 1 to 9999), was '"
                + value + "'", name);
    }

    public static YearMonth month(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new RuleViolation(QueryRule.INVALID_DATE, name + " must be a month YYYY-MM, was '" + value + "'",
                    name);
        }
    }

    public static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            LocalDate date = date(value, name);
            return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    /**
     * The instant up to which recorded events count ({@code knownAt}): an ISO instant, or a date meaning the end
     * of that day in UTC; null (no bound: everything recorded so far) when absent.
     */
    public static Instant knownAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        .minusNanos(1000);
            } catch (DateTimeParseException notADate) {
                throw new RuleViolation(QueryRule.INVALID_INSTANT, "knownAt must be an instant "
                        + "(2024-03-01T12:00:00Z) or a date YYYY-MM-DD (the end of that day in UTC), was '" + value
                        + "'", "knownAt");
            }
        }
    }

    public static int limit(String value) {
        return limit(value, MAX_LIMIT);
    }

    /** A page size of at most {@code max}: for reads whose rows are small and wanted whole (a chart's bars). */
    public static int limit(String value, int max) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(QueryRule.INVALID_LIMIT, "limit must be a whole number from 1 to " + max
                + ", was '" + value + "'", "limit");
    }

    /** A yes/no parameter: {@code true}, or {@code false} (also when absent). */
    public static boolean flag(String value, String name) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new RuleViolation(RequestRule.INVALID_PARAMETER, name + " must be true or false, was '" + value + "'",
                name);
    }

    /** A cursor is the position of the last row of the previous page. */
    public static long cursor(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long cursor = Long.parseLong(value);
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(QueryRule.INVALID_CURSOR, "cursor must be the nextCursor of a previous page, was '"
                + value + "'", "cursor");
    }

    public static Long minPosition(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(QueryRule.INVALID_POSITION, "minPosition must be a position a command returned, was '"
                + value + "'", "minPosition");
    }
}
