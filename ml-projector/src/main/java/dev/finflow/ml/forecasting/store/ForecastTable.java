package dev.finflow.ml.forecasting.store;

import dev.finflow.ml.forecasting.domain.Forecast;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code ml.forecast} table. */
@Repository
public class ForecastTable {

    private static final String COLUMNS = "id, model_id, symbol, target, origin_date, horizon, point, lower, upper,"
            + " model_lower, model_upper, skill, actual, abs_error";
    private static final RowMapper<Forecast> ROW = ForecastTable::map;

    private final JdbcTemplate jdbc;

    ForecastTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a forecast unless this model already forecast this day and horizon; returns it when new. */
    public Optional<Forecast> insert(String modelId, String symbol, String target, LocalDate origin, int horizon,
                                     double point, double[] calibrated, double modelLower, double modelUpper,
                                     String skill) {
        return jdbc.query("insert into ml.forecast (model_id, symbol, target, origin_date, horizon, point, lower,"
                        + " upper, model_lower, model_upper, skill) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
                        + " (model_id, origin_date, horizon) do nothing returning " + COLUMNS, ROW, modelId, symbol,
                target, Date.valueOf(origin), horizon, point, finite(calibrated[0]), finite(calibrated[1]),
                finite(modelLower), finite(modelUpper), skill).stream().findFirst();
    }

    public boolean exists(String modelId, LocalDate origin, int horizon) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ml.forecast where model_id = ?"
                + " and origin_date = ? and horizon = ?)", Boolean.class, modelId, Date.valueOf(origin), horizon));
    }

    /** Forecasts of a symbol whose realised value may have changed since {@code from} (or is still missing). */
    public List<Forecast> openOrSince(String symbol, LocalDate from) {
        return jdbc.query("select " + COLUMNS + " from ml.forecast where symbol = ? and (actual is null or"
                + " origin_date >= ?::date - 30)", ROW, symbol, Date.valueOf(from));
    }

    public void settle(long id, Double actual, Double absError) {
        jdbc.update("update ml.forecast set actual = ?, abs_error = ? where id = ?", actual, absError, id);
    }

    /** Absolute errors of a model's newest settled one-day forecasts. */
    public double[] recentErrors(String modelId, int n) {
        return jdbc.queryForList("select abs_error from ml.forecast where model_id = ? and horizon = 1 and abs_error"
                + " is not null order by origin_date desc limit ?", Double.class, modelId, n).stream()
                .mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Newest first; {@code before} is the keyset cursor (an id). Forecasts of models that do not beat their baseline
     * only with {@code all}.
     */
    public List<Forecast> page(String symbol, String target, long before, int limit, boolean all) {
        return jdbc.query("select " + COLUMNS + " from ml.forecast where symbol = ? and (?::text is null or target = ?)"
                + " and (? or skill is distinct from 'DOES_NOT_BEAT_BASELINE') and id < ? order by id desc limit ?",
                ROW, symbol, target, target, all, before, limit);
    }

    /** The forecasts stored after {@code afterId}, oldest first: what a stream client missed. */
    List<Forecast> after(long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + " from ml.forecast where id > ? order by id limit ?", ROW, afterId,
                limit);
    }

    /** The forecasts of each symbol's and target's newest origin day after {@code afterId}, oldest first. */
    List<Forecast> currentAfter(long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + " from ml.forecast f where id > ? and origin_date = (select"
                + " max(origin_date) from ml.forecast g where g.symbol = f.symbol and g.target = f.target)"
                + " order by id limit ?", ROW, afterId, limit);
    }

    List<Forecast> all() {
        return jdbc.query("select " + COLUMNS + " from ml.forecast order by symbol, target, origin_date, horizon,"
                + " model_id", ROW);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Forecast map(ResultSet rs, int i) throws SQLException {
        return new Forecast(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getInt(6), rs.getDouble(7), nullable(rs, 8), nullable(rs, 9),
                nullable(rs, 10), nullable(rs, 11), rs.getString(12), nullable(rs, 13), nullable(rs, 14));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
