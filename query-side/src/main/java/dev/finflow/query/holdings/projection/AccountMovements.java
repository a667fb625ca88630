package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.Movement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One account's stored movements (each with the cost it took out of its holding) and the splits of its
 * securities, as of one state of the holdings projection ({@code token}). Kept in memory so that a read "as known
 * at" an instant finds, per holding, the earliest effective date that anything recorded after the instant touches
 * (a binary search in recorded order) and folds only from there, on top of the stored history before that date.
 */
final class AccountMovements {

    /** A movement as stored: {@code costRemoved} is what a reversal of it gives back (null but for sales). */
    record Leg(Movement movement, BigDecimal costRemoved) {
    }

    /** One holding's movements in effective-date order and in recorded order. */
    static final class Holding {

        final String asset;
        final Movement.Kind kind;
        /** In (effective date, position, leg) order: the order of a fold. */
        final List<Leg> byDate;
        /** Recorded instants in microseconds, ascending, and the earliest effective date from each index on. */
        private final long[] recorded;
        private final LocalDate[] earliestFrom;
        /** Splits of the symbol in (effective date, position) order. */
        final List<HoldingTables.Split> splits;
        private final Map<String, Leg> byTransaction = new HashMap<>();

        Holding(String asset, Movement.Kind kind, List<Leg> legs, List<HoldingTables.Split> splits) {
            this.asset = asset;
            this.kind = kind;
            this.splits = splits;
            byDate = legs.stream().sorted(Comparator.comparing((Leg l) -> l.movement().date())
                    .thenComparingLong(l -> l.movement().position()).thenComparingInt(l -> l.movement().leg()))
                    .toList();
            List<Leg> inRecordedOrder = legs.stream()
                    .sorted(Comparator.comparing((Leg l) -> l.movement().recordedAt())).toList();
            recorded = new long[legs.size()];
            earliestFrom = new LocalDate[legs.size()];
            LocalDate earliest = LocalDate.MAX;
            for (int i = legs.size() - 1; i >= 0; i--) {
                Movement m = inRecordedOrder.get(i).movement();
                recorded[i] = micros(m.recordedAt());
                earliest = m.date().isBefore(earliest) ? m.date() : earliest;
                earliestFrom[i] = earliest;
            }
            byDate.forEach(leg -> byTransaction.putIfAbsent(leg.movement().transactionId(), leg));
        }

        /** Whether anything of this holding was recorded up to {@code known} (microseconds). */
        boolean knownAt(long known) {
            return recorded.length > 0 && recorded[0] <= known;
        }

        /**
         * The earliest effective date of a movement or split of this holding recorded after {@code known}
         * (microseconds), or null: before it, the stored history is the history as known then.
         */
        LocalDate changedFrom(long known) {
            int first = 0;
            int high = recorded.length;
            while (first < high) { // the first index recorded after known
                int middle = (first + high) >>> 1;
                if (recorded[middle] <= known) {
                    first = middle + 1;
                } else {
                    high = middle;
                }
            }
            LocalDate from = first < recorded.length ? earliestFrom[first] : null;
            for (HoldingTables.Split split : kind == Movement.Kind.SECURITY ? splits : List.<HoldingTables.Split>of()) {
                if (micros(split.recordedAt()) > known && (from == null || split.date().isBefore(from))) {
                    from = split.date();
                }
            }
            return from;
        }

        /** The movements recorded up to {@code known}, effective from {@code from} to {@code until}, in fold order. */
        List<Movement> known(LocalDate from, LocalDate until, long known) {
            int low = 0;
            int high = byDate.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (byDate.get(middle).movement().date().isBefore(from)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            List<Movement> movements = new ArrayList<>();
            for (int i = low; i < byDate.size() && !byDate.get(i).movement().date().isAfter(until); i++) {
                Movement m = byDate.get(i).movement();
                if (micros(m.recordedAt()) <= known) {
                    movements.add(m);
                }
            }
            return movements;
        }

        /** The stored movement of {@code transactionId} in this holding, or null. */
        Leg transaction(String transactionId) {
            return byTransaction.get(transactionId);
        }
    }

    final String token;
    /** By asset, in (kind, asset) order. */
    final Map<String, Holding> holdings;
    final int size;

    AccountMovements(String token, List<Leg> legs, List<HoldingTables.Split> splits) {
        this.token = token;
        this.size = legs.size();
        Map<String, List<Leg>> byAsset = new LinkedHashMap<>();
        legs.stream().sorted(Comparator.comparing((Leg l) -> l.movement().kind()).thenComparing(l -> l.movement().asset()))
                .forEach(leg -> byAsset.computeIfAbsent(leg.movement().asset(), k -> new ArrayList<>()).add(leg));
        Map<String, List<HoldingTables.Split>> bySymbol = new HashMap<>();
        splits.forEach(split -> bySymbol.computeIfAbsent(split.symbol(), k -> new ArrayList<>()).add(split));
        holdings = new LinkedHashMap<>();
        byAsset.forEach((asset, list) -> holdings.put(asset, new Holding(asset, list.get(0).movement().kind(), list,
                bySymbol.getOrDefault(asset, List.of()).stream().sorted(Comparator.comparing(
                        HoldingTables.Split::date).thenComparingLong(HoldingTables.Split::position)).toList())));
    }

    /** An instant in microseconds since the epoch: the precision PostgreSQL stores. */
    static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }
}
