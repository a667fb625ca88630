package dev.finflow.ml.forecasting.process;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled retraining asked for and not yet done, in {@code ml.retrain_due}: the schedule fires on one replica,
 * and each symbol's retraining is done by whichever replica holds that symbol ({@link SymbolClaims}).
 */
@Component
class RetrainRequests {

    private final JdbcTemplate jdbc;

    RetrainRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void requestAll() {
        jdbc.update("insert into ml.retrain_due (symbol, requested_at) select symbol, now() from ml.symbol_state"
                + " on conflict (symbol) do nothing");
    }

    /** Whether retraining of {@code symbol} was due; it is no longer once this answers true. */
    boolean take(String symbol) {
        return jdbc.update("delete from ml.retrain_due where symbol = ?", symbol) == 1;
    }
}
