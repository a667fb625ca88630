package dev.finflow.runtime.projection;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the rows' COPY stores is what a row-by-row insert would have stored: every kind of value (text that COPY
 * would read as a field or row end, nulls, big numbers, far dates), the conflict clause, and a staging table that
 * never lets one write's rows into the next, within a transaction or after a failed one. Each case runs with the
 * rows sent through COPY and as a JDBC batch (what a few rows take).
 */
class BulkInsertTest {

    private static final String COLUMNS = "id, name, amount, day, at, flag";

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(1); // every write on the same session, so its staging table is reused
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        jdbc.execute("create schema query");
        jdbc.execute("create table query.row_v1 (id bigint primary key, name text, amount numeric not null, day date,"
                + " at timestamptz, flag boolean)");
        jdbc.execute("create table query.total_v1 (account text primary key, total numeric not null, last bigint)");
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
        database.close();
    }

    @ParameterizedTest(name = "copying from {0} rows")
    @ValueSource(ints = {0, Integer.MAX_VALUE})
    void storesEveryValueAsTheDatabaseReadsIt(int copyFrom) {
        String awkward = "tab\there, new\nline, return\rand back\\slash, \\N, \\t, ü €, 'quoted' \"twice\"";
        BigDecimal big = new BigDecimal("123456789012345678901234567890.000000000000000000001");
        Instant at = Instant.parse("2026-12-07T06:00:00.123456Z");
        insertRows(copyFrom, List.of(
                new Object[]{1L, awkward, big, LocalDate.of(2026, 12, 7), at, true},
                new Object[]{2L, null, new BigDecimal("-1E+3"), java.sql.Date.valueOf("1999-02-28"),
                        Timestamp.from(at), false},
                new Object[]{3L, "", BigDecimal.ZERO, LocalDate.of(99999, 1, 1), null, null},
                new Object[]{4, "before", BigDecimal.ONE, LocalDate.of(0, 3, 1),
                        Instant.parse("+10000-01-01T00:00:00Z"), null}));

        Map<String, Object> first = row(1);
        assertThat(first.get("name")).isEqualTo(awkward);
        assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo(big);
        assertThat(first.get("day")).isEqualTo(java.sql.Date.valueOf("2026-12-07"));
        assertThat(((Timestamp) first.get("at")).toInstant()).isEqualTo(at);
        assertThat(first.get("flag")).isEqualTo(true);
        Map<String, Object> second = row(2);
        assertThat(second.get("name")).isNull();
        assertThat((BigDecimal) second.get("amount")).isEqualByComparingTo("-1000");
        assertThat(((Timestamp) second.get("at")).toInstant()).isEqualTo(at);
        assertThat(jdbc.queryForObject("select (name = '' and at is null and flag is null)::text || ' ' || "
                + "day::text from query.row_v1 where id = 3", String.class)).isEqualTo("true 99999-01-01");
        assertThat(jdbc.queryForObject("select day::text || ' ' || to_char(at at time zone 'UTC', 'YYYY') from "
                + "query.row_v1 where id = 4", String.class)).isEqualTo("0001-03-01 BC 10000");
    }

    @ParameterizedTest(name = "copying from {0} rows")
    @ValueSource(ints = {0, Integer.MAX_VALUE})
    void keepsTheConflictClause(int copyFrom) {
        insertRows(copyFrom, List.<Object[]>of(new Object[]{1L, "first", BigDecimal.ONE, null, null, null}));
        insertRows(copyFrom, List.of(new Object[]{1L, "again", BigDecimal.TEN, null, null, null},
                new Object[]{2L, "new", BigDecimal.TEN, null, null, null}));

        assertThat(jdbc.queryForList("select name from query.row_v1 order by id", String.class))
                .containsExactly("first", "new");
    }

    @ParameterizedTest(name = "copying from {0} rows")
    @ValueSource(ints = {0, Integer.MAX_VALUE})
    void eachWriteOfATransactionInsertsOnlyItsOwnRows(int copyFrom) {
        BulkInsert totals = BulkInsert.into("query.total_v1", "t", "account, total, last",
                "(account) do update set total = t.total + excluded.total, last = excluded.last")
                .copyingFrom(copyFrom);
        transaction.executeWithoutResult(status -> {
            totals.write(jdbc, List.<Object[]>of(new Object[]{"a", new BigDecimal("5"), 1L}));
            totals.write(jdbc, List.<Object[]>of(new Object[]{"b", new BigDecimal("7"), 2L}));
            totals.write(jdbc, List.<Object[]>of(new Object[]{"c", new BigDecimal("1"), 3L}));
        });
        totals.write(jdbc, List.<Object[]>of(new Object[]{"a", new BigDecimal("100"), 4L}));

        assertThat(jdbc.queryForList("select account || '=' || total from query.total_v1 order by account",
                String.class)).containsExactly("a=105", "b=7", "c=1");
    }

    @ParameterizedTest(name = "copying from {0} rows")
    @ValueSource(ints = {0, Integer.MAX_VALUE})
    void aRefusedWriteStoresNothingAndTheNextWriteOnTheSessionIsClean(int copyFrom) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{1L, "fine", BigDecimal.ONE, null, null, null});
        rows.add(new Object[]{2L, "no amount", null, null, null, null});
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> insertRows(copyFrom, rows)))
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> insertRows(copyFrom, List.<Object[]>of(new Object[]{3L, "nul\u0000",
                BigDecimal.ONE, null, null, null}))).hasMessageContaining("0x00");
        assertThat(jdbc.queryForObject("select count(*) from query.row_v1", Long.class)).isZero();

        insertRows(copyFrom, List.<Object[]>of(new Object[]{4L, "after", BigDecimal.ONE, null, null, null}));
        assertThat(jdbc.queryForList("select id from query.row_v1", Long.class)).containsExactly(4L);
    }

    @ParameterizedTest(name = "copying from {0} rows")
    @ValueSource(ints = {0, Integer.MAX_VALUE})
    void refusesAValueItCannotWrite(int copyFrom) {
        assertThatThrownBy(() -> insertRows(copyFrom, List.<Object[]>of(new Object[]{1L, new Object(),
                BigDecimal.ONE, null, null, null}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        // A double would lose digits: refused however many rows come with it.
        assertThatThrownBy(() -> insertRows(copyFrom, List.<Object[]>of(new Object[]{1L, "a double", 1.5d, null,
                null, null}))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
        assertThat(jdbc.queryForObject("select count(*) from query.row_v1", Long.class)).isZero();
    }

    @Test
    void sendsManyRowsThroughCopyAndAFewAsABatch() {
        BulkInsert insert = BulkInsert.into("query.total_v1", "t", "account, total, last",
                "(account) do update set total = t.total + excluded.total");
        insert.write(jdbc, totals(BulkInsert.COPY_FROM));
        assertThat(jdbc.queryForObject("select count(*) from pg_temp.total_v1_stage", Long.class)).isZero();

        jdbc.execute("drop table pg_temp.total_v1_stage");
        insert.write(jdbc, List.<Object[]>of(new Object[]{"one", BigDecimal.ONE, 1L}));
        assertThat(stage()).as("a few rows go without the staging table").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from query.total_v1", Long.class))
                .isEqualTo(BulkInsert.COPY_FROM + 1L);
    }

    @Test
    void copiesNewRowsStraightInWhenTheClauseIgnoresConflicts() {
        transaction.executeWithoutResult(status -> {
            insertRows(0, rows(1, 150));
            assertThat(stage()).as("rows that are all new need no staging table").isFalse();
            // 100 of these are stored already: the copy is undone and the staging path skips them.
            insertRows(0, rows(51, 250));
            assertThat(stage()).isTrue();
            insertRows(0, rows(251, 300));
        });

        assertThat(jdbc.queryForObject("select count(*) || ' ' || count(distinct id) || ' ' || min(id) || ' ' || "
                + "max(id) from query.row_v1", String.class)).isEqualTo("300 300 1 300");
        assertThat(jdbc.queryForList("select name from query.row_v1 where id in (50, 51, 150, 151) order by id",
                String.class)).as("a stored row keeps what it was first written with")
                .containsExactly("row 50 of 1", "row 51 of 1", "row 150 of 1", "row 151 of 51");
    }

    @Test
    void aRowTwiceInOneWriteIsStoredOnceAsTheClauseSays() {
        List<Object[]> rows = new ArrayList<>(rows(1, 120));
        rows.add(new Object[]{7L, "seven again", BigDecimal.ONE, null, null, null});
        insertRows(0, rows);

        assertThat(jdbc.queryForObject("select count(*) from query.row_v1", Long.class)).isEqualTo(120L);
        assertThat(row(7).get("name")).isEqualTo("row 7 of 1");
    }

    @Test
    void rowsSaidToBeMostlyNewAreCopiedStraightInAndAStoredOneIsStillUpdated() {
        BulkInsert totals = BulkInsert.into("query.total_v1", "t", "account, total, last",
                "(account) do update set total = t.total + excluded.total, last = excluded.last").mostlyNew();
        transaction.executeWithoutResult(status -> {
            totals.write(jdbc, totals(150));
            assertThat(jdbc.queryForObject("select to_regclass('pg_temp.total_v1_stage') is null", Boolean.class))
                    .as("rows that are all new need no staging table").isTrue();
            List<Object[]> again = new ArrayList<>();
            again.add(new Object[]{"account 7", new BigDecimal("1000"), 1007L});
            for (long id = 151; id <= 250; id++) {
                again.add(new Object[]{"account " + id, BigDecimal.ONE, id});
            }
            totals.write(jdbc, again);
        });

        assertThat(jdbc.queryForObject("select count(*) || ' ' || sum(total) from query.total_v1", String.class))
                .isEqualTo("250 " + (150 * 151 / 2 + 1000 + 100));
        assertThat(jdbc.queryForObject("select total || ' ' || last from query.total_v1 where account = 'account 7'",
                String.class)).as("the stored row is updated as the clause says").isEqualTo("1007 1007");
    }

    @ParameterizedTest(name = "{0} new rows")
    @ValueSource(ints = {3, 150})
    void rowsOfTwoKindsAreInsertedOrUpdatedAsTheClauseSays(int fresh) {
        BulkInsert totals = BulkInsert.into("query.total_v1", "t", "account, total, last",
                "(account) do update set total = t.total + excluded.total, last = excluded.last");
        totals.write(jdbc, List.<Object[]>of(new Object[]{"account 1", BigDecimal.ONE, 1L}));
        List<Object[]> stored = List.<Object[]>of(new Object[]{"account 1", BigDecimal.TEN, 2L});
        List<Object[]> added = new ArrayList<>(totals(fresh + 1).subList(1, fresh + 1));
        // One said to be new is stored: it is updated all the same.
        added.add(new Object[]{"account 1", new BigDecimal("100"), 3L});

        transaction.executeWithoutResult(status -> totals.write(jdbc, stored, added));

        assertThat(jdbc.queryForObject("select count(*) from query.total_v1", Long.class)).isEqualTo(fresh + 1L);
        assertThat(jdbc.queryForObject("select total || ' ' || last from query.total_v1 where account = 'account 1'",
                String.class)).isEqualTo("111 3");
    }

    private static List<Object[]> rows(long from, long to) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            rows.add(new Object[]{id, "row " + id + " of " + from, BigDecimal.valueOf(id), null, null, null});
        }
        return rows;
    }

    private static List<Object[]> totals(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rows.add(new Object[]{"account " + id, BigDecimal.valueOf(id), id});
        }
        return rows;
    }

    private boolean stage() {
        return jdbc.queryForObject("select to_regclass('pg_temp.row_v1_stage') is not null", Boolean.class);
    }

    private void insertRows(int copyFrom, List<Object[]> rows) {
        BulkInsert.into("query.row_v1", COLUMNS, "(id) do nothing").copyingFrom(copyFrom).write(jdbc, rows);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from query.row_v1 where id = ?", id);
    }
}
