package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.query.holdings.domain.Movement;
import dev.finflow.runtime.projection.BulkInsert;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The holdings projection's JDBC reads and batched writes, in the caller's (the batch's) transaction. */
final class HoldingTables {

    static final String ACCOUNTS = "holding_account";
    static final String KEYS = "holding_key";
    static final String MOVEMENTS = "holding_movement";
    static final String HISTORY = "holding_history";
    static final String SPLITS = "holding_split";
    static final List<String> ALL = List.of(ACCOUNTS, KEYS, MOVEMENTS, HISTORY, SPLITS);
    /** Keys and their dates (three array parameters) as the relation {@code w(account_id, asset, from_date)}. */
    private static final String WANTED = "unnest(?::text[], ?::text[], ?::date[]) as w(account_id, asset, from_date)";

    /** What is stored about a key: its kind, latest date and state, and the last position applied to it. */
    record KeyState(Movement.Kind kind, LocalDate lastDate, HoldingState state) {
    }

    record Split(long position, String symbol, LocalDate date, BigDecimal numerator, BigDecimal denominator,
                 String eventId, java.time.Instant recordedAt, String principal) {
    }

    private final JdbcTemplate jdbc;
    private final TableSet tables;

    HoldingTables(JdbcTemplate jdbc, TableSet tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    Map<Movement.Key, KeyState> load(Collection<Movement.Key> keys) {
        Map<Movement.Key, KeyState> states = new HashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        String[] accounts = keys.stream().map(Movement.Key::accountId).toArray(String[]::new);
        String[] assets = keys.stream().map(Movement.Key::asset).toArray(String[]::new);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select k.account_id, k.asset, k.kind, k.last_date, "
                    + "k.last_position, h.quantity, h.cost_basis, h.realized_pl from " + tables.name(KEYS) + " k "
                    + "join unnest(?::text[], ?::text[]) as wanted(account_id, asset) using (account_id, asset) "
                    + "left join " + tables.name(HISTORY) + " h on h.account_id = k.account_id and h.asset = k.asset "
                    + "and h.effective_date = k.last_date");
            Array a = connection.createArrayOf("text", accounts);
            Array b = connection.createArrayOf("text", assets);
            statement.setArray(1, a);
            statement.setArray(2, b);
            return statement;
        }, rs -> {
            BigDecimal quantity = rs.getBigDecimal(6);
            HoldingState state = quantity == null ? HoldingState.EMPTY
                    : new HoldingState(quantity, rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(5));
            states.put(new Movement.Key(rs.getString(1), rs.getString(2)), new KeyState(
                    Movement.Kind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                    new HoldingState(state.quantity(), state.costBasis(), state.realizedPl(), rs.getLong(5))));
        });
        return states;
    }

    /** Keeps other writers out of the key table until this transaction ends (readers are not kept out). */
    void lockKeys() {
        jdbc.execute("lock table " + tables.name(KEYS) + " in share row exclusive mode");
    }

    /** Changes whenever a key row is written: each row's {@code xmin} (its writer's transaction), hashed. */
    String keysFingerprint() {
        return jdbc.queryForObject("select count(*) || ':' || coalesce(bit_xor(hashtextextended(account_id || '/' "
                + "|| asset || '/' || xmin::text, 0)), 0) from " + tables.name(KEYS), String.class);
    }

    List<String> accountsHolding(String symbol) {
        return jdbc.queryForList("select account_id from " + tables.name(KEYS) + " where asset = ? and kind = "
                + "'SECURITY'", String.class, symbol);
    }

    List<Split> splits(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("select position, symbol, effective_date, numerator, "
                    + "denominator from " + tables.name(SPLITS) + " where symbol = any(?) order by effective_date, "
                    + "position");
            statement.setArray(1, connection.createArrayOf("text", symbols.toArray()));
            return statement;
        }, (rs, i) -> new Split(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                rs.getBigDecimal(5), null, null, null));
    }

    /** Per key, the state at the end of the last day before its date (none: the key had nothing before it). */
    Map<Movement.Key, HoldingState> before(Map<Movement.Key, LocalDate> from) {
        Map<Movement.Key, HoldingState> states = new HashMap<>();
        jdbc.query(connection -> keysFrom(connection, "select w.account_id, w.asset, h.quantity, h.cost_basis, "
                + "h.realized_pl, h.last_position from " + WANTED + " cross join lateral (select quantity, "
                + "cost_basis, realized_pl, last_position from " + tables.name(HISTORY) + " h where h.account_id = "
                + "w.account_id and h.asset = w.asset and h.effective_date < w.from_date order by h.effective_date "
                + "desc limit 1) h", from), rs -> {
            states.put(new Movement.Key(rs.getString(1), rs.getString(2)), new HoldingState(rs.getBigDecimal(3),
                    rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)));
        });
        return states;
    }

    /** Per key, its movements from its date on, in the order they apply. */
    Map<Movement.Key, List<Movement>> movementsFrom(Map<Movement.Key, LocalDate> from) {
        Map<Movement.Key, List<Movement>> movements = new HashMap<>();
        jdbc.query(connection -> keysFrom(connection, "select m.account_id, m.asset, m.position, m.leg, m.kind, "
                + "m.effective_date, m.quantity, m.amount, m.transaction_id, m.reverses from " + WANTED + " join "
                + tables.name(MOVEMENTS) + " m on m.account_id = w.account_id and m.asset = w.asset and "
                + "m.effective_date >= w.from_date order by m.effective_date, m.position, m.leg", from), rs -> {
            Movement.Key key = new Movement.Key(rs.getString(1), rs.getString(2));
            movements.computeIfAbsent(key, k -> new ArrayList<>()).add(new Movement(rs.getLong(3), rs.getInt(4),
                    key.accountId(), key.asset(), Movement.Kind.valueOf(rs.getString(5)),
                    rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                    rs.getString(10), null, null, null, null));
        });
        return movements;
    }

    /** Deletes each key's history from its date on. */
    void deleteHistoryFrom(Map<Movement.Key, LocalDate> from) {
        jdbc.update(connection -> keysFrom(connection, "delete from " + tables.name(HISTORY) + " h using " + WANTED
                + " where h.account_id = w.account_id and h.asset = w.asset and h.effective_date >= w.from_date",
                from));
    }

    /** {@code sql} with the keys and their dates bound as {@link #WANTED} needs them. */
    private static PreparedStatement keysFrom(Connection connection, String sql, Map<Movement.Key, LocalDate> from)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", from.keySet().stream().map(Movement.Key::accountId)
                .toArray()));
        statement.setArray(2, connection.createArrayOf("text", from.keySet().stream().map(Movement.Key::asset)
                .toArray()));
        statement.setArray(3, connection.createArrayOf("text", from.values().stream().map(LocalDate::toString)
                .toArray()));
        return statement;
    }

    HoldingState.Original original(Movement.Key key, String transactionId) {
        List<HoldingState.Original> rows = jdbc.query("select quantity, amount, cost_removed from "
                        + tables.name(MOVEMENTS) + " where account_id = ? and asset = ? and transaction_id = ? "
                        + "order by position limit 1",
                (rs, i) -> new HoldingState.Original(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                key.accountId(), key.asset(), transactionId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void insertAccounts(List<Object[]> accounts) {
        jdbc.batchUpdate("insert into " + tables.name(ACCOUNTS) + " (account_id, currency, opened_on, position) "
                + "values (?, ?, ?, ?) on conflict (account_id) do nothing", accounts);
    }

    void insertSplits(List<Split> splits) {
        jdbc.batchUpdate("insert into " + tables.name(SPLITS) + " (position, symbol, effective_date, numerator, "
                + "denominator, event_id, recorded_at, principal) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict "
                + "(position) do nothing", splits.stream().map(s -> new Object[]{s.position(), s.symbol(),
                Date.valueOf(s.date()), s.numerator(), s.denominator(), s.eventId(), Timestamp.from(s.recordedAt()),
                s.principal()}).toList());
    }

    void insertMovements(List<Movement> movements, Map<Movement, BigDecimal> costRemoved) {
        List<Object[]> rows = new ArrayList<>(movements.size());
        for (Movement m : movements) {
            rows.add(new Object[]{m.position(), m.leg(), m.accountId(), m.asset(), m.kind().name(),
                    m.date(), m.quantity(), m.amount(), costRemoved.get(m), m.transactionId(), m.reverses(),
                    m.eventId(), m.eventType(), m.recordedAt(), m.principal()});
        }
        BulkInsert.into(tables.name(MOVEMENTS), "position, leg, account_id, asset, kind, effective_date, quantity, "
                + "amount, cost_removed, transaction_id, reverses, event_id, event_type, recorded_at, principal",
                "(position, leg) do nothing").write(jdbc, rows);
    }

    void updateCostRemoved(Map<Movement, BigDecimal> costRemoved) {
        jdbc.batchUpdate("update " + tables.name(MOVEMENTS) + " set cost_removed = ? where position = ? and leg = ?",
                costRemoved.entrySet().stream().map(e -> new Object[]{e.getValue(), e.getKey().position(),
                        e.getKey().leg()}).toList());
    }

    /**
     * History rows, inserted or updated: {@code stored} may be stored already (of a key's latest stored date),
     * {@code fresh} are new as a rule (of a later date, or recomputed after their dates were deleted).
     */
    void upsertHistory(List<Object[]> stored, List<Object[]> fresh) {
        history().write(jdbc, stored, fresh);
    }

    private BulkInsert history() {
        return BulkInsert.into(tables.name(HISTORY), "account_id, asset, effective_date, quantity, cost_basis, "
                + "realized_pl, last_position", "(account_id, asset, effective_date) do update set quantity = "
                + "excluded.quantity, cost_basis = excluded.cost_basis, realized_pl = excluded.realized_pl, "
                + "last_position = excluded.last_position");
    }

    void upsertKeys(List<Object[]> rows) {
        BulkInsert.into(tables.name(KEYS), "k", "account_id, asset, kind, last_position, last_date",
                "(account_id, asset) do update set last_position = greatest(k.last_position, "
                + "excluded.last_position), last_date = greatest(k.last_date, excluded.last_date)").write(jdbc, rows);
    }
}
