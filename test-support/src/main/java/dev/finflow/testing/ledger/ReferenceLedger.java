package dev.finflow.testing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One account's ledger rules, folded the slow and obvious way for differential tests: a candidate is accepted
 * when no day-end from its date on shows cash below zero (fees excepted) or units below zero, each day-end
 * computed from scratch. Written from the rules alone, independently of the aggregate and the projections it
 * checks. Splits take effect before the transactions of their own day; units are rounded to 8 decimals at each
 * split; trades settle at price times units rounded half-even to cents.
 */
public final class ReferenceLedger {

    private record Entry(LocalDate date, String id, String kind, BigDecimal cash, String symbol, BigDecimal units) {
    }

    private record Split(String symbol, LocalDate date, BigDecimal numerator, BigDecimal denominator) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Split> splits = new ArrayList<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private final List<String> reversed = new ArrayList<>();

    public boolean deposit(String id, LocalDate date, BigDecimal amount) {
        return add(new Entry(date, id, "deposit", amount, null, BigDecimal.ZERO), false);
    }

    public boolean withdraw(String id, LocalDate date, BigDecimal amount) {
        return add(new Entry(date, id, "withdrawal", amount.negate(), null, BigDecimal.ZERO), true);
    }

    /** A fee may take the cash below zero. */
    public boolean fee(String id, LocalDate date, BigDecimal amount) {
        return add(new Entry(date, id, "fee", amount.negate(), null, BigDecimal.ZERO), false);
    }

    /** Refused for a symbol not held (units above zero) on or before its date. */
    public boolean dividend(String id, String symbol, LocalDate date, BigDecimal amount) {
        boolean held = entries.stream().anyMatch(e -> symbol.equals(e.symbol()) && e.units().signum() > 0
                && !e.date().isAfter(date));
        return held && add(new Entry(date, id, "dividend", amount, null, BigDecimal.ZERO), false);
    }

    public boolean buy(String id, String symbol, BigDecimal units, BigDecimal price, LocalDate date) {
        return add(new Entry(date, id, "trade", value(units, price).negate(), symbol, units), true);
    }

    public boolean sell(String id, String symbol, BigDecimal units, BigDecimal price, LocalDate date) {
        return add(new Entry(date, id, "trade", value(units, price), symbol, units.negate()), true);
    }

    /** Cancels a transaction from its own date, as if it had never been booked. */
    public boolean reverse(String originalId, LocalDate date) {
        Entry original = byId.get(originalId);
        if (original == null || reversed.contains(original.id()) || original.kind().equals("cash-in-lieu")
                || date.isBefore(original.date())) {
            return false;
        }
        List<Entry> without = new ArrayList<>(entries);
        without.remove(original);
        boolean cashTaken = original.cash().signum() > 0;
        boolean unitsTaken = original.units().signum() > 0;
        if (!covered(without, original.date(), cashTaken, unitsTaken ? original.symbol() : null)) {
            return false;
        }
        entries.remove(original);
        reversed.add(original.id());
        return true;
    }

    /**
     * A split n-for-d on its date (a second one of the symbol on the same date is ignored); with a cash-in-lieu
     * price, the fraction of a unit held after it is sold at that price.
     */
    public void split(String symbol, LocalDate date, BigDecimal numerator, BigDecimal denominator,
                      BigDecimal cashInLieuPrice) {
        if (splits.stream().anyMatch(s -> s.symbol().equals(symbol) && s.date().equals(date))) {
            return;
        }
        splits.add(new Split(symbol, date, numerator, denominator));
        BigDecimal units = units(symbol, date);
        BigDecimal fraction = units.subtract(units.setScale(0, RoundingMode.FLOOR));
        if (cashInLieuPrice != null && units.signum() > 0 && fraction.signum() > 0) {
            entries.add(new Entry(date, "cil-" + symbol + date, "cash-in-lieu",
                    fraction.multiply(cashInLieuPrice).setScale(2, RoundingMode.HALF_EVEN), symbol, fraction.negate()));
        }
    }

    /** Cash at the end of {@code day}. */
    public BigDecimal cash(LocalDate day) {
        return cash(entries, day);
    }

    /** Units of {@code symbol} at the end of {@code day}, in that day's share basis. */
    public BigDecimal units(String symbol, LocalDate day) {
        return units(entries, symbol, day);
    }

    /** The transactions a reversal may name (booked, not reversed, not cash in lieu). */
    public List<String> reversibleIds() {
        return entries.stream().filter(e -> !e.kind().equals("cash-in-lieu")).map(Entry::id).toList();
    }

    public LocalDate dateOf(String id) {
        return byId.get(id).date();
    }

    private static BigDecimal value(BigDecimal units, BigDecimal price) {
        return price.multiply(units).setScale(2, RoundingMode.HALF_EVEN);
    }

    private boolean add(Entry candidate, boolean checkCash) {
        if (byId.containsKey(candidate.id())) {
            throw new IllegalStateException("transaction ids are unique in a reference ledger: " + candidate.id());
        }
        List<Entry> with = new ArrayList<>(entries);
        with.add(candidate);
        boolean cash = checkCash && candidate.cash().signum() < 0;
        String symbol = candidate.units().signum() < 0 ? candidate.symbol() : null;
        if (!covered(with, candidate.date(), cash, symbol)) {
            return false;
        }
        entries.add(candidate);
        byId.put(candidate.id(), candidate);
        return true;
    }

    /** Every day-end on or after {@code from}, recomputed from nothing. */
    private boolean covered(List<Entry> list, LocalDate from, boolean cash, String symbol) {
        List<LocalDate> days = Stream.concat(Stream.of(from), list.stream().map(Entry::date)
                .filter(d -> !d.isBefore(from))).distinct().sorted().toList();
        for (LocalDate day : days) {
            if (cash && cash(list, day).signum() < 0) {
                return false;
            }
            if (symbol != null && units(list, symbol, day).signum() < 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal cash(List<Entry> list, LocalDate day) {
        return list.stream().filter(e -> !e.date().isAfter(day)).map(Entry::cash)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal units(List<Entry> list, String symbol, LocalDate day) {
        List<Object> timeline = new ArrayList<>();
        list.stream().filter(e -> symbol.equals(e.symbol()) && !e.date().isAfter(day)).forEach(timeline::add);
        splits.stream().filter(s -> s.symbol().equals(symbol) && !s.date().isAfter(day)).forEach(timeline::add);
        timeline.sort(Comparator.comparing((Object o) -> o instanceof Entry e ? e.date() : ((Split) o).date())
                .thenComparing(o -> o instanceof Entry ? 1 : 0));
        BigDecimal units = BigDecimal.ZERO;
        for (Object item : timeline) {
            if (item instanceof Entry e) {
                units = units.add(e.units());
            } else if (units.signum() != 0) {
                Split s = (Split) item;
                units = units.multiply(s.numerator()).divide(s.denominator(), 8, RoundingMode.HALF_EVEN);
            }
        }
        return units;
    }
}
