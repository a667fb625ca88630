package dev.finflow.ml.registry.store;

import dev.finflow.ml.registry.domain.PromotionRecord;
import dev.finflow.ml.registry.domain.ModelVersion;
import dev.finflow.ml.registry.domain.PromotionDecision;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The model registry tables: versions with their weights, the champion per (symbol, target), promotions. */
@Repository
public class ModelRegistry {

    private static final String COLUMNS = "id, kind, target, symbol, params, feature_version, first_position,"
            + " last_position, first_date, last_date, metrics, status";
    private static final RowMapper<ModelVersion> VERSION = ModelRegistry::map;

    private final JdbcTemplate jdbc;

    ModelRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a version; false when the same id (same data, same kind, same parameters) exists already. */
    public boolean register(ModelVersion v, byte[] artifact) {
        return jdbc.update("insert into ml.model_version (" + COLUMNS + ", artifact) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?) on conflict (id) do nothing", v.id(), v.kind().name(), v.target().name(),
                v.symbol(), v.params(), v.featureVersion(), v.firstPosition(), v.lastPosition(),
                Date.valueOf(v.firstDate()), Date.valueOf(v.lastDate()), v.metrics(), v.status(), artifact) == 1;
    }

    public Optional<ModelVersion> find(String id) {
        return jdbc.query("select " + COLUMNS + " from ml.model_version where id = ?", VERSION, id).stream()
                .findFirst();
    }

    public byte[] artifact(String id) {
        return jdbc.queryForObject("select artifact from ml.model_version where id = ?", byte[].class, id);
    }

    public Optional<ModelVersion> champion(String symbol, Target target) {
        return jdbc.query("select v." + COLUMNS.replace(", ", ", v.") + " from ml.champion c join ml.model_version v"
                + " on v.id = c.model_id where c.symbol = ? and c.target = ?", VERSION, symbol, target.name())
                .stream().findFirst();
    }

    /** Records the decision, and when promoted makes the candidate champion and retires the former one. */
    public void decide(ModelVersion candidate, Optional<ModelVersion> champion, PromotionDecision decision) {
        jdbc.update("insert into ml.promotion (symbol, target, candidate_id, champion_id, promoted, candidate_mae,"
                        + " champion_mae, dm_p_value, reason, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                candidate.symbol(), candidate.target().name(), candidate.id(),
                champion.map(ModelVersion::id).orElse(null), decision.promoted(), decision.candidateMae(),
                decision.championMae(), decision.pValue(), decision.reason(), Date.valueOf(candidate.lastDate()));
        if (!decision.promoted()) {
            return;
        }
        champion.ifPresent(old -> jdbc.update("update ml.model_version set status = ? where id = ?",
                ModelVersion.RETIRED, old.id()));
        jdbc.update("update ml.model_version set status = ? where id = ?", ModelVersion.CHAMPION, candidate.id());
        jdbc.update("insert into ml.champion (symbol, target, model_id) values (?, ?, ?) on conflict (symbol, target)"
                + " do update set model_id = excluded.model_id", candidate.symbol(), candidate.target().name(),
                candidate.id());
    }

    public List<PromotionRecord> promotions(String modelId) {
        return jdbc.query("select id, symbol, target, candidate_id, champion_id, promoted, candidate_mae,"
                        + " champion_mae, dm_p_value, reason, decided_on from ml.promotion where candidate_id = ?"
                        + " or champion_id = ? order by id", (rs, i) -> new PromotionRecord(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        nullable(rs, 7), nullable(rs, 8), nullable(rs, 9), rs.getString(10),
                        rs.getDate(11).toLocalDate()), modelId, modelId);
    }

    /** A page of versions, oldest first, after the {@code after} registration sequence (keyset cursor). */
    public List<Paged> page(String symbol, String target, long after, int limit) {
        return jdbc.query("select " + COLUMNS + ", created_seq from ml.model_version where (?::text is null or"
                        + " symbol = ?) and (?::text is null or target = ?) and created_seq > ? order by created_seq"
                        + " limit ?", (rs, i) -> new Paged(map(rs, i), rs.getLong(13)), symbol, symbol, target, target,
                after, limit);
    }

    public record Paged(ModelVersion version, long cursor) {
    }

    public void truncate() {
        jdbc.execute("truncate ml.forecast, ml.promotion, ml.champion, ml.model_version");
    }

    private static ModelVersion map(ResultSet rs, int i) throws SQLException {
        return new ModelVersion(rs.getString(1), ModelKind.valueOf(rs.getString(2)), Target.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                rs.getDate(9).toLocalDate(), rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
