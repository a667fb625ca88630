package dev.finflow.command.accounts.domain;

import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's transactions in effective-date order, with the splits of the symbols it holds: what every
 * decision is checked against. A transaction dated in the past is checked at every later day-end, not only now,
 * so that no day ever shows units below zero or cash below the overdraft because of it; units are counted in
 * the share basis of each day (a split applies before the transactions of its effective date).
 */
final class Timeline {

    /** One transaction as it counts: its date, its order of recording, its legs. */
    record Entry(LocalDate date, long sequence, String transactionId, List<Leg> legs) {
    }

    /** From {@code date} on, every {@code denominator} units of {@code symbol} are {@code numerator} units. */
    record Split(String symbol, LocalDate date, BigDecimal numerator, BigDecimal denominator) {
    }

    /** The first day-end a candidate leaves short, and the transaction of that day that names it. */
    record Shortfall(String transactionId, LocalDate date, String asset, BigDecimal balance) {
    }

    /** Units carry at most this many decimals; a split's result is rounded to it, as the read side does. */
    static final int UNIT_SCALE = 8;
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::date)
            .thenComparingLong(Entry::sequence);

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Split>> splits = new HashMap<>();

    void add(Entry entry) {
        int at = entries.size();
        while (at > 0 && ORDER.compare(entries.get(at - 1), entry) > 0) {
            at--;
        }
        entries.add(at, entry);
    }

    void cancel(String transactionId) {
        entries.removeIf(entry -> entry.transactionId().equals(transactionId));
    }

    void addSplit(Split split) {
        List<Split> known = splits.computeIfAbsent(split.symbol(), s -> new ArrayList<>());
        known.add(split);
        known.sort(Comparator.comparing(Split::date));
    }

    boolean knowsSplit(String symbol, LocalDate date) {
        return splits.getOrDefault(symbol, List.of()).stream().anyMatch(split -> split.date().equals(date));
    }

    /** The latest date any transaction takes effect on, or null when there is none. */
    LocalDate lastDate() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).date();
    }

    boolean isEmpty() {
        if (cash(null).signum() != 0) {
            return false;
        }
        return entries.stream().flatMap(entry -> entry.legs().stream())
                .filter(leg -> leg.type() == LegType.SECURITY).map(Leg::asset).distinct()
                .allMatch(symbol -> units(symbol, null).signum() == 0);
    }

    /** Cash at the end of {@code date} (null: after everything). */
    BigDecimal cash(LocalDate date) {
        BigDecimal cash = BigDecimal.ZERO;
        for (Entry entry : entries) {
            if (date != null && entry.date().isAfter(date)) {
                break;
            }
            cash = cash.add(change(entry.legs(), LegType.CASH, null));
        }
        return cash;
    }

    /** Units of {@code symbol} at the end of {@code date} (null: after everything), in that day's share basis. */
    BigDecimal units(String symbol, LocalDate date) {
        BigDecimal units = BigDecimal.ZERO;
        List<Split> symbolSplits = splits.getOrDefault(symbol, List.of());
        int next = 0;
        for (Entry entry : entries) {
            if (date != null && entry.date().isAfter(date)) {
                break;
            }
            while (next < symbolSplits.size() && !symbolSplits.get(next).date().isAfter(entry.date())) {
                units = split(units, symbolSplits.get(next++));
            }
            units = units.add(change(entry.legs(), LegType.SECURITY, symbol));
        }
        while (next < symbolSplits.size() && (date == null || !symbolSplits.get(next).date().isAfter(date))) {
            units = split(units, symbolSplits.get(next++));
        }
        return units;
    }

    /** True when some transaction on or before {@code date} brought units of {@code symbol} in. */
    boolean held(String symbol, LocalDate date) {
        return entries.stream().filter(entry -> !entry.date().isAfter(date))
                .anyMatch(entry -> change(entry.legs(), LegType.SECURITY, symbol).signum() > 0);
    }

    /**
     * Checks {@code legs} booked on {@code date} (after what that day holds already): the first day-end from then
     * on that would show cash below {@code cashFloor} (when {@code checkCash}) or units below zero for a symbol
     * the legs take units of. Null when every day stays covered.
     */
    Shortfall check(String transactionId, LocalDate date, List<Leg> legs, BigDecimal cashFloor,
                    boolean checkCash) {
        Entry candidate = new Entry(date, Long.MAX_VALUE, transactionId, legs);
        if (checkCash && change(legs, LegType.CASH, null).signum() < 0) {
            Shortfall cash = firstShortfall(candidate, LegType.CASH, null, cashFloor);
            if (cash != null) {
                return cash;
            }
        }
        for (Leg leg : legs) {
            if (leg.type() == LegType.SECURITY && leg.quantity().signum() < 0) {
                Shortfall units = firstShortfall(candidate, LegType.SECURITY, leg.asset(), BigDecimal.ZERO);
                if (units != null) {
                    return units;
                }
            }
        }
        return null;
    }

    private Shortfall firstShortfall(Entry candidate, LegType type, String symbol, BigDecimal floor) {
        List<Entry> all = new ArrayList<>(entries.size() + 1);
        all.addAll(entries);
        all.add(candidate);
        all.sort(ORDER);
        List<Split> symbolSplits = symbol == null ? List.of() : splits.getOrDefault(symbol, List.of());
        BigDecimal balance = BigDecimal.ZERO;
        int next = 0;
        String blamed = null;
        for (int i = 0; i < all.size(); i++) {
            Entry entry = all.get(i);
            while (next < symbolSplits.size() && !symbolSplits.get(next).date().isAfter(entry.date())) {
                balance = split(balance, symbolSplits.get(next++));
            }
            BigDecimal change = change(entry.legs(), type, symbol);
            balance = balance.add(change);
            boolean counts = !entry.date().isBefore(candidate.date());
            if (counts && change.signum() < 0 && (blamed == null || entry == candidate)) {
                blamed = entry.transactionId();
            }
            boolean dayEnds = i + 1 == all.size() || !all.get(i + 1).date().equals(entry.date());
            if (dayEnds) {
                if (counts && blamed != null && balance.compareTo(floor) < 0) {
                    return new Shortfall(blamed, entry.date(), type == LegType.CASH ? "cash" : symbol, balance);
                }
                blamed = null;
            }
        }
        return null;
    }

    private static BigDecimal change(List<Leg> legs, LegType type, String symbol) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Leg leg : legs) {
            if (leg.type() == type && (symbol == null || leg.asset().equals(symbol))) {
                sum = sum.add(leg.quantity());
            }
        }
        return sum;
    }

    /** The same rounding as the holdings projection's, so that both count the same units. */
    static BigDecimal split(BigDecimal units, Split split) {
        if (units.signum() == 0) {
            return units;
        }
        BigDecimal result = units.multiply(split.numerator()).divide(split.denominator(), UNIT_SCALE,
                RoundingMode.HALF_EVEN).stripTrailingZeros();
        return result.scale() < 0 ? result.setScale(0) : result;
    }
}
