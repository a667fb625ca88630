package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.HoldingState;
import dev.finflow.query.holdings.domain.Movement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds one batch of movements and splits into holding histories. A movement on or after a holding's latest date
 * extends it in memory (after any split that took effect in between); an earlier one, or a split, marks the
 * holding for recomputation from that date: its history from then on is rebuilt from the stored movements,
 * because average cost and realised P/L depend on the order in which things happened.
 */
final class HoldingTimeline {

    private final HoldingTables db;
    private final Map<Movement.Key, HoldingTables.KeyState> states;
    private final Map<String, List<HoldingTables.Split>> splits = new HashMap<>();
    private final Map<Movement.Key, TreeMap<LocalDate, HoldingState>> pending = new HashMap<>();
    private final Map<Movement.Key, LocalDate> recompute = new HashMap<>();
    private final Map<Movement, BigDecimal> costRemoved = new HashMap<>();
    private final Map<String, HoldingState.Original> originals = new HashMap<>();
    private final List<Movement> fresh = new ArrayList<>();
    /** Each key's latest date as stored before this batch: only a history row of that date may exist already. */
    private final Map<Movement.Key, LocalDate> storedLastDates = new HashMap<>();

    /** {@code symbols}: every security the batch touches, so that their splits are read in one query. */
    HoldingTimeline(HoldingTables db, Map<Movement.Key, HoldingTables.KeyState> states, Set<String> symbols) {
        this.db = db;
        this.states = states;
        states.forEach((key, state) -> storedLastDates.put(key, state.lastDate()));
        symbols.forEach(symbol -> splits.put(symbol, new ArrayList<>()));
        db.splits(symbols).forEach(split -> splits.get(split.symbol()).add(split));
    }

    void move(Movement m) {
        Movement.Key key = m.key();
        HoldingTables.KeyState known = states.get(key);
        if (known != null && m.position() <= known.state().lastPosition()) {
            return; // applied before: a redelivery changes nothing
        }
        fresh.add(m);
        if (recompute.containsKey(key) || (known != null && m.date().isBefore(known.lastDate()))
                || m.reverses() != null || (known == null && splitAfter(m))) {
            recompute.merge(key, m.date(), (a, b) -> a.isBefore(b) ? a : b);
            HoldingState state = known == null ? HoldingState.EMPTY : known.state();
            LocalDate last = known == null || m.date().isAfter(known.lastDate()) ? m.date() : known.lastDate();
            states.put(key, new HoldingTables.KeyState(m.kind(), last, new HoldingState(state.quantity(),
                    state.costBasis(), state.realizedPl(), m.position())));
            return;
        }
        HoldingState state = known == null ? HoldingState.EMPTY : known.state();
        TreeMap<LocalDate, HoldingState> rows = pending.computeIfAbsent(key, k -> new TreeMap<>());
        if (known != null && m.kind() == Movement.Kind.SECURITY) {
            for (HoldingTables.Split split : splits.getOrDefault(m.asset(), List.of())) {
                if (split.date().isAfter(known.lastDate()) && !split.date().isAfter(m.date())) {
                    state = state.split(split.numerator(), split.denominator(), split.position());
                    rows.put(split.date(), state);
                }
            }
        }
        HoldingState.Applied applied = state.apply(m, reversed(m));
        remember(m, applied);
        rows.put(m.date(), applied.state());
        states.put(key, new HoldingTables.KeyState(m.kind(), m.date(), applied.state()));
    }

    /** A first movement dated before a known split: the split must follow it into the new holding's history. */
    private boolean splitAfter(Movement m) {
        return m.kind() == Movement.Kind.SECURITY && splits.getOrDefault(m.asset(), List.of()).stream()
                .anyMatch(split -> split.date().isAfter(m.date()));
    }

    void split(HoldingTables.Split split) {
        splits.computeIfAbsent(split.symbol(), k -> new ArrayList<>(db.splits(List.of(split.symbol()))));
        List<HoldingTables.Split> known = splits.get(split.symbol());
        if (known.stream().noneMatch(s -> s.position() == split.position())) {
            known.add(split);
            known.sort(Comparator.comparing(HoldingTables.Split::date).thenComparing(HoldingTables.Split::position));
        }
        states.forEach((key, state) -> {
            if (key.asset().equals(split.symbol()) && state.kind() == Movement.Kind.SECURITY) {
                recompute.merge(key, split.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        });
    }

    /** The keys whose history this batch recomputes from a date. */
    Set<Movement.Key> recomputed() {
        return recompute.keySet();
    }

    void write() {
        db.insertMovements(fresh, costRemoved);
        List<Object[]> updated = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        pending.forEach((key, rows) -> {
            // Rows before a recomputation's start stay valid: the recomputation starts from them.
            LocalDate from = recompute.get(key);
            LocalDate stored = storedLastDates.get(key);
            (from == null ? rows : rows.headMap(from)).forEach((date, state) ->
                    (date.equals(stored) ? updated : history).add(row(key, date, state)));
        });
        db.upsertHistory(updated, history);
        history.clear();
        Map<Movement, BigDecimal> recomputedCost = new HashMap<>();
        Map<Movement.Key, Object[]> keys = new HashMap<>();
        Map<Movement.Key, HoldingState> before = recompute.isEmpty() ? Map.of() : db.before(recompute);
        Map<Movement.Key, List<Movement>> movements = recompute.isEmpty() ? Map.of() : db.movementsFrom(recompute);
        if (!recompute.isEmpty()) {
            db.deleteHistoryFrom(recompute);
        }
        // From here on, every history row of a key being recomputed is new: its rows from that date are deleted.
        recompute.forEach((key, from) -> {
            List<Object[]> rows = recomputeFrom(key, from, before.getOrDefault(key, HoldingState.EMPTY),
                    movements.getOrDefault(key, List.of()), recomputedCost);
            history.addAll(rows);
            if (!rows.isEmpty()) {
                // The key's latest date is its latest history row, split rows included: a movement dated
                // before it is a backdated one and must recompute.
                Object[] last = rows.get(rows.size() - 1);
                keys.put(key, new Object[]{key.accountId(), key.asset(), states.get(key).kind().name(), last[6],
                        last[2]});
            }
        });
        db.upsertHistory(List.of(), history);
        if (!recomputedCost.isEmpty()) {
            db.updateCostRemoved(recomputedCost);
        }
        for (Movement m : fresh) {
            HoldingTables.KeyState state = states.get(m.key());
            keys.putIfAbsent(m.key(), new Object[]{m.accountId(), m.asset(), m.kind().name(),
                    state.state().lastPosition(), state.lastDate()});
        }
        db.upsertKeys(new ArrayList<>(keys.values()));
    }

    private List<Object[]> recomputeFrom(Movement.Key key, LocalDate from, HoldingState before,
                                         List<Movement> movements, Map<Movement, BigDecimal> cost) {
        List<HoldingTables.Split> symbolSplits = splits.getOrDefault(key.asset(), List.of()).stream()
                .filter(s -> !s.date().isBefore(from)).toList();
        boolean security = states.get(key).kind() == Movement.Kind.SECURITY;
        TreeMap<LocalDate, HoldingState> rows = HoldingFold.fold(before, movements,
                symbolSplits, security, this::reversed, (m, applied) -> {
                    remember(m, applied);
                    if (applied.costRemoved() != null) {
                        cost.put(m, applied.costRemoved());
                    }
                });
        List<Object[]> history = new ArrayList<>();
        rows.forEach((date, s) -> history.add(row(key, date, s)));
        return history;
    }

    private void remember(Movement m, HoldingState.Applied applied) {
        if (applied.costRemoved() != null) {
            costRemoved.put(m, applied.costRemoved());
        }
        originals.put(m.accountId() + '|' + m.asset() + '|' + m.transactionId(),
                new HoldingState.Original(m.quantity(), m.amount(), applied.costRemoved()));
    }

    /** What a reversal undoes; only securities need it (cash is simply added back). */
    private HoldingState.Original reversed(Movement m) {
        return m.reverses() == null || m.kind() == Movement.Kind.CASH ? null : original(m.key(), m.reverses());
    }

    private HoldingState.Original original(Movement.Key key, String transactionId) {
        HoldingState.Original known = originals.get(key.accountId() + '|' + key.asset() + '|' + transactionId);
        return known != null ? known : db.original(key, transactionId);
    }

    private static Object[] row(Movement.Key key, LocalDate date, HoldingState state) {
        return new Object[]{key.accountId(), key.asset(), date, state.quantity(), state.costBasis(),
                state.realizedPl(), state.lastPosition()};
    }
}
