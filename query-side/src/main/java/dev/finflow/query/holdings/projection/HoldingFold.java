package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.query.holdings.domain.Movement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One holding's history from a starting state: its movements in effective-date order, each split applied from
 * its date. The projection recomputes stored histories with it; reads "as known at" an instant fold the
 * movements and splits recorded up to that instant with it, so both follow the same ledger rules.
 */
final class HoldingFold {

    private HoldingFold() {
    }

    /**
     * The state at the end of each date something changed, from {@code start}. {@code movements} and
     * {@code splits} are in (effective date, position) order; {@code reversed} finds what a reversal undoes,
     * {@code applied} hears each movement's effect.
     */
    static TreeMap<LocalDate, HoldingState> fold(HoldingState start, List<Movement> movements,
                                                 List<HoldingTables.Split> splits, boolean security,
                                                 Function<Movement, HoldingState.Original> reversed,
                                                 BiConsumer<Movement, HoldingState.Applied> applied) {
        HoldingState state = start;
        TreeMap<LocalDate, HoldingState> rows = new TreeMap<>();
        int next = 0;
        Set<String> cancelled = cancelledPairs(movements);
        for (Movement m : movements) {
            while (security && next < splits.size() && !splits.get(next).date().isAfter(m.date())) {
                HoldingTables.Split split = splits.get(next++);
                state = state.split(split.numerator(), split.denominator(), split.position());
                rows.put(split.date(), state);
            }
            if (cancelled.contains(m.transactionId())) {
                // Cancelled from its own date, with its reversal: it counts as if it had never been booked.
                state = new HoldingState(state.quantity(), state.costBasis(), state.realizedPl(),
                        Math.max(state.lastPosition(), m.position()));
                rows.put(m.date(), state);
                continue;
            }
            HoldingState.Applied effect = state.apply(m, reversed.apply(m));
            applied.accept(m, effect);
            state = effect.state();
            rows.put(m.date(), state);
        }
        while (security && next < splits.size()) {
            HoldingTables.Split split = splits.get(next++);
            state = state.split(split.numerator(), split.denominator(), split.position());
            rows.put(split.date(), state);
        }
        return rows;
    }

    /** A whole history from nothing, reversals resolved among {@code movements} themselves. */
    static TreeMap<LocalDate, HoldingState> fold(List<Movement> movements, List<HoldingTables.Split> splits,
                                                 boolean security) {
        Map<String, HoldingState.Original> originals = new HashMap<>();
        return fold(HoldingState.EMPTY, movements, splits, security,
                m -> m.reverses() == null || !security ? null : originals.get(m.reverses()),
                (m, effect) -> originals.put(m.transactionId(), new HoldingState.Original(m.quantity(), m.amount(),
                        effect.costRemoved())));
    }

    /**
     * The transactions (originals and their reversals) that cancel each other out: a reversal dated on its
     * original's date. A reversal of revision 1, dated later, takes the original back on its own date instead.
     */
    private static Set<String> cancelledPairs(List<Movement> movements) {
        Map<String, LocalDate> dates = new HashMap<>();
        movements.forEach(m -> dates.put(m.transactionId(), m.date()));
        Set<String> cancelled = new HashSet<>();
        for (Movement m : movements) {
            if (m.reverses() != null && m.date().equals(dates.get(m.reverses()))) {
                cancelled.add(m.reverses());
                cancelled.add(m.transactionId());
            }
        }
        return cancelled;
    }
}
