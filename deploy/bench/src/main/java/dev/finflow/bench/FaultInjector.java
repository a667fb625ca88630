package dev.finflow.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Injects known faults at random, well separated days of a real series, remembering which bar carries which
 * fault. A stale run repeats one bar on the next four days: the first copy is two identical days in a row, which
 * the rule (three identical days by default) does not call stale, so it is kept apart as "not yet stale".
 */
final class FaultInjector {

    static final int STALE_COPIES = 4;
    private static final int MARGIN = 7;

    final List<DailyBar> batch = new ArrayList<>();
    final Map<LocalDate, Fault> truth = new HashMap<>();
    final Set<LocalDate> notYetStale = new HashSet<>();
    final Set<LocalDate> removed = new HashSet<>();
    final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);

    static FaultInjector inject(List<DailyBar> real, int perType, Random random, LocalDate today) {
        FaultInjector injector = new FaultInjector();
        DailyBar[] bars = real.toArray(new DailyBar[0]);
        boolean[] taken = new boolean[bars.length];
        List<DailyBar> extra = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            for (int k = 0; k < perType; k++) {
                int i = injector.pick(bars, taken, random, fault);
                injector.apply(fault, bars, i, extra, today.plusDays(2 + injector.count(Fault.FUTURE)));
            }
        }
        for (DailyBar bar : bars) {
            if (!injector.removed.contains(bar.date())) {
                injector.batch.add(bar);
            }
        }
        injector.batch.addAll(extra);
        return injector;
    }

    private int pick(DailyBar[] bars, boolean[] taken, Random random, Fault fault) {
        while (true) {
            int i = 25 + random.nextInt(bars.length - 25 - MARGIN);
            boolean free = true;
            for (int j = i - MARGIN; j <= i + MARGIN && free; j++) {
                free = !taken[j];
            }
            if (!free || (fault == Fault.SWAPPED && bars[i].high().compareTo(bars[i].low()) == 0)) {
                continue;
            }
            for (int j = i - MARGIN; j <= i + MARGIN; j++) {
                taken[j] = true;
            }
            return i;
        }
    }

    private void apply(Fault fault, DailyBar[] bars, int i, List<DailyBar> extra, LocalDate future) {
        DailyBar bar = bars[i];
        injected.merge(fault, fault == Fault.STALE ? STALE_COPIES - 1 : 1, Integer::sum);
        switch (fault) {
            case X100 -> bars[i] = bar.scaled(BigDecimal.valueOf(100));
            case DIV100 -> bars[i] = bar.scaled(new BigDecimal("0.01"));
            case ZERO -> bars[i] = bar.scaled(BigDecimal.ZERO);
            case NEGATIVE -> bars[i] = new DailyBar(bar.date(), bar.open(), bar.high(), bar.low(),
                    bar.close().negate(), bar.adjustedClose(), bar.volume());
            case SWAPPED -> bars[i] = new DailyBar(bar.date(), bar.open(), bar.low(), bar.high(), bar.close(),
                    bar.adjustedClose(), bar.volume());
            case STALE -> {
                for (int j = 1; j <= STALE_COPIES; j++) {
                    bars[i + j] = bar.withDate(bars[i + j].date());
                    if (j == 1) {
                        notYetStale.add(bars[i + j].date());
                    } else {
                        truth.put(bars[i + j].date(), Fault.STALE);
                    }
                }
                return;
            }
            case DUPLICATE -> {
                extra.add(bar);
                return;
            }
            case FUTURE -> {
                extra.add(bar.withDate(future));
                truth.put(future, Fault.FUTURE);
                return;
            }
            case REMOVED -> {
                removed.add(bar.date());
                return;
            }
        }
        truth.put(bar.date(), fault);
    }

    private int count(Fault fault) {
        return injected.getOrDefault(fault, 0);
    }
}
