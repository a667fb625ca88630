package dev.finflow.ml.anomalies.projection;

import dev.finflow.ml.anomalies.config.AnomalyProperties;
import dev.finflow.ml.anomalies.domain.RobustScore;
import dev.finflow.ml.features.domain.FeatureListener;
import dev.finflow.ml.features.FeatureRow;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Scores every daily log return against the returns before it (robust z-score, see {@link RobustScore}) and
 * keeps those beyond the threshold. Follows the features: a correction rescores exactly the days it recomputed.
 */
@Component
class PriceAnomalies implements FeatureListener {

    /** 0.1% daily: no market is that calm, so a MAD below it means too little history, not a real signal. */
    private static final double MAD_FLOOR = 0.001;

    private final AnomalyTable table;
    private final AnomalyProperties properties;

    PriceAnomalies(AnomalyTable table, AnomalyProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public void featuresRecomputed(String symbol, LocalDate from, List<FeatureRow> rows, long position) {
        table.deletePriceAnomaliesFrom(symbol, from);
        int lookback = properties.lookback();
        for (int i = 0; i < rows.size(); i++) {
            FeatureRow row = rows.get(i);
            if (row.date().isBefore(from) || row.logReturn() == null || i <= lookback) {
                continue;
            }
            double[] history = new double[lookback];
            for (int k = 0; k < lookback; k++) {
                history[k] = rows.get(i - lookback + k).logReturn();
            }
            RobustScore score = RobustScore.of(row.logReturn(), history, MAD_FLOOR);
            if (Math.abs(score.score()) > properties.returnThreshold()) {
                String reason = String.format(Locale.ROOT, "daily log return %+.2f%% is %.1f robust z-scores from"
                                + " the median %+.2f%% of the previous %d returns (MAD %.2f%%)",
                        100 * row.logReturn(), score.score(), 100 * score.median(), lookback, 100 * score.mad());
                table.insert(AnomalyTable.PRICE, symbol, null, row.date(), BigDecimal.valueOf(row.logReturn()),
                        score.score(), reason, row.position(), symbol + "|" + row.date());
            }
        }
    }

    @Override
    public void reset() {
        table.truncate(AnomalyTable.PRICE);
    }
}
