package dev.finflow.command.instruments.domain;

import dev.finflow.command.instruments.domain.quality.BarHistory;
import dev.finflow.events.market.Bar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an instrument's history its rules need: the current values of every stored bar by date (to tell a
 * duplicate from a revision, and to keep the previous values in a correction) and the recorded splits (which
 * explain jumps). A sorted map gives the jump and stale rules their rolling window in O(window) per bar, also
 * for bars that arrive out of order. It is plain data so that snapshots serialize it as it is.
 */
final class BarBook implements BarHistory {

    private TreeMap<LocalDate, Bar> bars = new TreeMap<>();
    private TreeMap<LocalDate, BigDecimal> splits = new TreeMap<>();

    BarBook copy() {
        BarBook copy = new BarBook();
        copy.bars = new TreeMap<>(bars);
        copy.splits = new TreeMap<>(splits);
        return copy;
    }

    Bar get(LocalDate date) {
        return bars.get(date);
    }

    void put(Bar bar) {
        bars.put(bar.date(), bar);
    }

    void split(LocalDate effectiveDate, BigDecimal ratio) {
        splits.put(effectiveDate, ratio);
    }

    BigDecimal splitOn(LocalDate date) {
        return splits.get(date);
    }

    LocalDate newest() {
        return bars.isEmpty() ? null : bars.lastKey();
    }

    int size() {
        return bars.size();
    }

    @Override
    public List<Bar> before(LocalDate date, int count) {
        List<Bar> found = new ArrayList<>(count);
        Iterator<Bar> earlier = bars.headMap(date, false).descendingMap().values().iterator();
        while (found.size() < count && earlier.hasNext()) {
            found.add(earlier.next());
        }
        return found;
    }

    @Override
    public BigDecimal splitFactor(LocalDate after, LocalDate upTo) {
        BigDecimal factor = BigDecimal.ONE;
        if (splits.isEmpty()) {
            return factor;
        }
        for (Map.Entry<LocalDate, BigDecimal> split : splits.subMap(after, false, upTo, true).entrySet()) {
            factor = factor.multiply(split.getValue());
        }
        return factor;
    }
}
