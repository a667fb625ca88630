package dev.finflow.ml.features.projection;

import dev.finflow.ml.features.PricePoint;
import dev.finflow.ml.features.FeatureCalculator;
import dev.finflow.ml.features.FeatureRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** The {@code ml.bar} and {@code ml.feature} tables. Called inside the caller's transaction. */
@Repository
public class FeatureTable {

    private static final String COLUMNS = "symbol, bar_date, feature_version, close, log_return, sma20, sma50,"
            + " ema12, ema26, macd, macd_signal, rsi14, bollinger_upper, bollinger_lower, realized_vol20,"
            + " volume_z20, position, non_finite";
    private static final RowMapper<FeatureRow> ROW = FeatureTable::map;

    private final JdbcTemplate jdbc;

    FeatureTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsertBar(String symbol, LocalDate date, java.math.BigDecimal close, long volume, long position) {
        jdbc.update("insert into ml.bar (symbol, bar_date, close, volume, position) values (?, ?, ?, ?, ?)"
                + " on conflict (symbol, bar_date) do update set close = excluded.close, volume = excluded.volume,"
                + " position = excluded.position", symbol, Date.valueOf(date), close, volume, position);
    }

    List<PricePoint> bars(String symbol) {
        return jdbc.query("select bar_date, close, volume, position from ml.bar where symbol = ? order by bar_date",
                (rs, i) -> new PricePoint(rs.getDate(1).toLocalDate(), rs.getDouble(2), rs.getLong(3),
                        rs.getLong(4)), symbol);
    }

    /** Rewrites the rows from {@code from} on; earlier rows are left exactly as they were. */
    void replaceFrom(String symbol, LocalDate from, List<FeatureRow> rows, long position) {
        jdbc.update("delete from ml.feature where symbol = ? and feature_version = ? and bar_date >= ?", symbol,
                FeatureCalculator.VERSION, Date.valueOf(from));
        List<Object[]> args = rows.stream().filter(r -> !r.date().isBefore(from)).map(r -> new Object[]{
                r.symbol(), Date.valueOf(r.date()), r.version(), r.close(), r.logReturn(), r.sma20(), r.sma50(),
                r.ema12(), r.ema26(), r.macd(), r.macdSignal(), r.rsi14(), r.bollingerUpper(), r.bollingerLower(),
                r.realizedVol20(), r.volumeZ20(), r.position(), r.nonFinite()}).toList();
        jdbc.batchUpdate("insert into ml.feature (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)", args);
        jdbc.update("insert into ml.symbol_state (symbol, last_position, last_date, first_date)"
                        + " values (?, ?, ?, ?) on conflict (symbol) do update set last_position = excluded.last_position,"
                        + " last_date = excluded.last_date, first_date = excluded.first_date", symbol,
                position, Date.valueOf(rows.get(rows.size() - 1)
                        .date()), Date.valueOf(rows.get(0).date()));
    }

    /** Every feature row of the symbol (current version) models may use, in date order: none with a non-finite. */
    public List<FeatureRow> rows(String symbol) {
        return jdbc.query("select " + COLUMNS + " from ml.feature where symbol = ? and feature_version = ?"
                + " and not non_finite order by bar_date", ROW, symbol, FeatureCalculator.VERSION);
    }

    /** One page of rows in [from, to], after the {@code after} date (keyset cursor). */
    public List<FeatureRow> page(String symbol, LocalDate from, LocalDate to, LocalDate after, int limit) {
        return jdbc.query("select " + COLUMNS + " from ml.feature where symbol = ? and feature_version = ?"
                        + " and bar_date >= ? and bar_date <= ? and bar_date > ? order by bar_date limit ?", ROW,
                symbol, FeatureCalculator.VERSION, Date.valueOf(from), Date.valueOf(to), Date.valueOf(after), limit);
    }

    public boolean knows(String symbol) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ml.bar where symbol = ?)",
                Boolean.class, symbol));
    }

    void truncate() {
        jdbc.execute("truncate ml.bar, ml.feature, ml.symbol_state");
    }

    private static FeatureRow map(ResultSet rs, int i) throws SQLException {
        return new FeatureRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), nullable(rs, 4),
                nullable(rs, 5), nullable(rs, 6), nullable(rs, 7), nullable(rs, 8), nullable(rs, 9),
                nullable(rs, 10), nullable(rs, 11), nullable(rs, 12), nullable(rs, 13), nullable(rs, 14),
                nullable(rs, 15), nullable(rs, 16), rs.getLong(17), rs.getBoolean(18));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
