package dev.finflow.ml.anomalies.projection;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The {@code ml.anomaly} view and the per-account amount history, written in the caller's transaction. */
@Repository
public class AnomalyTable {

    static final String PRICE = "PRICE_RETURN";
    static final String TRANSACTION = "TRANSACTION";

    private final JdbcTemplate jdbc;

    AnomalyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "Anomaly")
    public record Anomaly(long id, @Schema(allowableValues = {"PRICE_RETURN", "TRANSACTION"}) String kind,
                          @Schema(types = {"string", "null"}) String symbol,
                          @Schema(types = {"string", "null"}) String accountId, LocalDate occurredOn,
                          BigDecimal value, double score, String reason, long position) {
    }

    void insert(String kind, String symbol, String account, LocalDate on, BigDecimal value, double score,
                String reason, long position, String sourceKey) {
        jdbc.update("insert into ml.anomaly (kind, symbol, account_id, occurred_on, value, score, reason, position,"
                        + " source_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (kind, source_key) do nothing",
                kind, symbol, account, Date.valueOf(on), value, score, reason, position, sourceKey);
    }

    void deletePriceAnomaliesFrom(String symbol, LocalDate from) {
        jdbc.update("delete from ml.anomaly where kind = ? and symbol = ? and occurred_on >= ?", PRICE, symbol,
                Date.valueOf(from));
    }

    double[] recentAmounts(String account, int limit) {
        return jdbc.queryForList("select amount from ml.account_amount where account_id = ? order by position desc"
                + " limit ?", BigDecimal.class, account, limit).stream().mapToDouble(BigDecimal::doubleValue)
                .filter(Double::isFinite).toArray(); // an absurd amount (1e400) is kept exactly but scores nothing
    }

    void recordAmount(String account, String transaction, BigDecimal amount, LocalDate on, long position) {
        jdbc.update("insert into ml.account_amount (account_id, transaction_id, amount, booked_on, position)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing", account, transaction, amount, Date.valueOf(on),
                position);
    }

    /** A page of anomalies; of ledger anomalies only those of accounts {@code reader} may read (null: all). */
    public List<Anomaly> page(String kind, String symbol, String account, String reader, long after, int limit) {
        return jdbc.query("select id, kind, symbol, account_id, occurred_on, value, score, reason, position"
                        + " from ml.anomaly where (?::text is null or kind = ?) and (?::text is null or symbol = ?)"
                        + " and (?::text is null or account_id = ?) and (?::text is null or account_id is null"
                        + " or account_id in (select account_id from ml.account_access where user_id = ?"
                        + " and level is not null)) and id > ? order by id limit ?",
                (rs, i) -> new Anomaly(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), rs.getDouble(7), rs.getString(8),
                        rs.getLong(9)), kind, kind, symbol, symbol, account, account, reader, reader, after,
                limit);
    }

    void truncate(String kind) {
        jdbc.update("delete from ml.anomaly where kind = ?", kind);
        if (TRANSACTION.equals(kind)) {
            jdbc.execute("truncate ml.account_amount");
        }
    }
}
