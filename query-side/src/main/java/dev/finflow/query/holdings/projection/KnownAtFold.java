package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.query.holdings.domain.Movement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One holding's history as known at an instant, from the stored rows before the earliest effective date that
 * anything recorded after the instant touches ({@code changed}) and a fold from that date on of what was recorded
 * up to the instant. It equals the fold of everything recorded up to the instant from nothing: before
 * {@code changed} the two folds see the same movements and splits.
 */
final class KnownAtFold {

    private KnownAtFold() {
    }

    /**
     * {@code stored}: the stored rows before {@code changed} (all when null) within the range; {@code known}: the
     * instant in microseconds. The history holds the row on or before {@code from} and the rows up to
     * {@code until}.
     */
    static HoldingsKnownAt.Timeline timeline(AccountMovements.Holding holding, LocalDate changed,
                                             TreeMap<LocalDate, HoldingState> stored, long known, LocalDate from,
                                             LocalDate until) {
        TreeMap<LocalDate, HoldingState> rows = new TreeMap<>(stored);
        if (changed != null && !changed.isAfter(until)) {
            List<Movement> movements = holding.known(changed, until, known);
            Map.Entry<LocalDate, HoldingState> before = stored.lastEntry();
            // Splits before the holding's first movement do not concern it (as in the stored history).
            LocalDate first = before != null ? before.getKey() : movements.isEmpty() ? null : movements.get(0).date();
            if (first != null) {
                boolean security = holding.kind == Movement.Kind.SECURITY;
                List<HoldingTables.Split> splits = holding.splits.stream()
                        .filter(s -> AccountMovements.micros(s.recordedAt()) <= known && !s.date().isBefore(changed)
                                && !s.date().isBefore(first) && !s.date().isAfter(until))
                        .toList();
                Map<String, HoldingState.Original> originals = new HashMap<>();
                rows.putAll(HoldingFold.fold(before == null ? HoldingState.EMPTY : before.getValue(), movements,
                        splits, security,
                        m -> m.reverses() == null || !security ? null
                                : originals.getOrDefault(m.reverses(), original(holding, m.reverses(), changed, known)),
                        (m, effect) -> originals.put(m.transactionId(), new HoldingState.Original(m.quantity(),
                                m.amount(), effect.costRemoved()))));
            }
        }
        LocalDate start = rows.floorKey(from);
        TreeMap<LocalDate, HoldingsKnownAt.Figures> history = new TreeMap<>();
        rows.subMap(start == null ? from : start, true, until, true).forEach((date, state) -> history.put(date,
                new HoldingsKnownAt.Figures(state.quantity(), state.costBasis(), state.realizedPl())));
        return new HoldingsKnownAt.Timeline(holding.asset, holding.kind.name(), history);
    }

    /**
     * What a reversal undoes when its original came before {@code changed}: the original as stored, since the
     * history up to it is the same as known then.
     */
    private static HoldingState.Original original(AccountMovements.Holding holding, String transactionId,
                                                  LocalDate changed, long known) {
        AccountMovements.Leg leg = holding.transaction(transactionId);
        if (leg == null || !leg.movement().date().isBefore(changed)
                || AccountMovements.micros(leg.movement().recordedAt()) > known) {
            return null;
        }
        return new HoldingState.Original(leg.movement().quantity(), leg.movement().amount(), leg.costRemoved());
    }
}
