package dev.finflow.ml.anomalies.projection;

import dev.finflow.ml.anomalies.config.AnomalyProperties;
import dev.finflow.ml.anomalies.domain.RobustScore;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LedgerTransactionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import dev.finflow.runtime.store.GlobalIndex;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Judges every ledger transaction's size (the sum of its positive legs: what moved) against that account's
 * earlier transactions, on a log scale (amounts span orders of magnitude), and records one far outside them.
 */
@Component
@ProcessingGroup("ledger-anomalies")
class LedgerAnomalyProjection {

    /** A history of identical amounts still tolerates about a factor 1.3 before the score grows large. */
    private static final double MAD_FLOOR = 0.25;

    private final AnomalyTable table;
    private final AnomalyProperties properties;

    LedgerAnomalyProjection(AnomalyTable table, AnomalyProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @EventHandler
    void on(LedgerTransactionEvent event, EventMessage<?> message) {
        BigDecimal size = event.legs().stream().map(Leg::amount).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (size.signum() <= 0) {
            return;
        }
        long position = GlobalIndex.of(message);
        String account = event.accountId().value();
        double[] history = table.recentAmounts(account, properties.lookback());
        // An amount beyond a double (legacy data such as 1e400) is recorded exactly but cannot be scored.
        if (history.length >= properties.minHistory() && Double.isFinite(Math.log(size.doubleValue()))) {
            double[] logs = new double[history.length];
            for (int i = 0; i < history.length; i++) {
                logs[i] = Math.log(Math.max(history[i], 1e-9));
            }
            RobustScore score = RobustScore.of(Math.log(size.doubleValue()), logs, MAD_FLOOR);
            if (Math.abs(score.score()) > properties.amountThreshold()) {
                String reason = String.format(Locale.ROOT, "%s of %s is %.1f robust z-scores (log scale) from the"
                                + " median %.2f of the account's previous %d transactions",
                        event.getClass().getSimpleName().replace("Event", ""), size.toPlainString(), score.score(),
                        Math.exp(score.median()), history.length);
                table.insert(AnomalyTable.TRANSACTION, null, account, event.effectiveDate(), size, score.score(),
                        reason, position, account + "|" + event.transactionId().value());
            }
        }
        table.recordAmount(account, event.transactionId().value(), size, event.effectiveDate(), position);
    }

    @ResetHandler
    void reset() {
        table.truncate(AnomalyTable.TRANSACTION);
    }
}
