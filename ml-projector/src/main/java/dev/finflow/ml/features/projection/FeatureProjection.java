package dev.finflow.ml.features.projection;

import dev.finflow.ml.features.FeatureCalculator;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.domain.FeatureListener;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.Verdict;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import dev.finflow.runtime.store.GlobalIndex;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Keeps every kept bar (accepted, flagged, corrected; quarantined bars never arrive here) and the feature rows
 * derived from them. A batch, a backfilled earlier bar or a correction recomputes the symbol's rows from its
 * earliest changed date on, and only those. Runs in the processor's transaction, together with its token.
 */
@Component
@ProcessingGroup(FeatureProjection.NAME)
class FeatureProjection {

    static final String NAME = "features";

    private final FeatureTable table;
    private final List<FeatureListener> listeners;

    FeatureProjection(FeatureTable table, List<FeatureListener> listeners) {
        this.table = table;
        this.listeners = listeners;
    }

    @EventHandler
    void on(BarsIngestedEvent event, EventMessage<?> message) {
        if (event.bars().isEmpty()) {
            return;
        }
        long position = GlobalIndex.of(message);
        String symbol = event.symbol().value();
        LocalDate from = null;
        for (IngestedBar ingested : event.bars()) {
            Bar bar = ingested.bar();
            table.upsertBar(symbol, bar.date(), bar.close(), bar.volume(), position);
            from = from == null || bar.date().isBefore(from) ? bar.date() : from;
        }
        recompute(symbol, from, position);
    }

    @EventHandler
    void on(BarCorrectedEvent event, EventMessage<?> message) {
        if (event.verdict() == Verdict.REJECTED) {
            return;
        }
        long position = GlobalIndex.of(message);
        Bar bar = event.corrected();
        table.upsertBar(event.symbol().value(), bar.date(), bar.close(), bar.volume(), position);
        recompute(event.symbol().value(), bar.date(), position);
    }

    @ResetHandler
    void reset() {
        table.truncate();
        listeners.forEach(FeatureListener::reset);
    }

    private void recompute(String symbol, LocalDate from, long position) {
        List<FeatureRow> all = FeatureCalculator.compute(symbol, table.bars(symbol));
        List<FeatureRow> rows = all.stream().map(r -> r.date().isBefore(from) ? r : r.at(position)).toList();
        table.replaceFrom(symbol, from, rows, position);
        listeners.forEach(listener -> listener.featuresRecomputed(symbol, from, rows, position));
    }
}
