package dev.finflow.query.performance.domain;

import dev.finflow.query.performance.projection.LedgerHistory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds an account's {@link Performance} from its value history: values on every valued day from the first
 * movement to {@code asOf} (days with a bar of something the account holds or converts, a movement, a flow, a
 * period start, and {@code asOf}), the returns of the common periods ending on {@code asOf}, and the allocation on
 * {@code asOf}.
 */
public final class PerformanceReport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PerformanceReport() {
    }

    /** What the report is made from; {@code days} holds the dates of every bar, holding row and flow. */
    public record Inputs(String accountId, String currency, String base, LocalDate asOf, Instant knownAt,
                         LocalDate from, LocalDate to, LocalDate inception, ValueHistory values,
                         List<LedgerHistory.Flow> flows, Set<LocalDate> days) {
    }

    public static Performance of(Inputs in) {
        if (in.inception() == null || in.inception().isAfter(in.asOf())) {
            return new Performance(in.accountId(), in.currency(), in.base(), in.asOf(), in.knownAt(), null,
                    BigDecimal.ZERO.setScale(scale(in.base())).toPlainString(), List.of(), periods(in, null, null),
                    List.of(), List.of(), List.of());
        }
        Map<LocalDate, BigDecimal> flows = new HashMap<>();
        Set<LocalDate> unconverted = new TreeSet<>();
        for (LedgerHistory.Flow flow : in.flows()) {
            BigDecimal converted = in.values().convert(flow.amount(), flow.currency(), flow.date());
            if (converted == null) {
                unconverted.add(flow.date());
            } else {
                flows.merge(flow.date(), converted, BigDecimal::add);
            }
        }
        TreeSet<LocalDate> days = new TreeSet<>(in.days());
        days.addAll(flows.keySet());
        days.addAll(unconverted);
        for (Period period : Period.values()) {
            days.add(period.start(in.asOf(), in.inception()));
        }
        days.add(in.asOf());
        NavigableMap<LocalDate, BigDecimal> values = new TreeMap<>();
        for (LocalDate day : days.subSet(in.inception(), true, in.asOf(), true)) {
            values.put(day, unconverted.contains(day) ? null : in.values().total(day));
        }
        List<Performance.Point> series = new ArrayList<>();
        values.subMap(in.from(), true, in.to(), true).forEach((day, value) -> series.add(new Performance.Point(day,
                text(value), unconverted.contains(day) ? null : text(flows.getOrDefault(day,
                BigDecimal.ZERO.setScale(scale(in.base())))))));
        List<ValueHistory.Held> held = in.values().holdings(in.asOf());
        BigDecimal total = values.get(in.asOf());
        return new Performance(in.accountId(), in.currency(), in.base(), in.asOf(), in.knownAt(), in.inception(),
                text(total), series, periods(in, values, flows), byAsset(held, total), byCurrency(held, total),
                held.stream().filter(h -> h.value() == null).map(ValueHistory.Held::asset).toList());
    }

    /** The common periods, each ending on {@code asOf}; since inception starts at the end of the first movement's day. */
    enum Period {
        ONE_MONTH("1M"), THREE_MONTHS("3M"), YEAR_TO_DATE("YTD"), ONE_YEAR("1Y"), THREE_YEARS("3Y"), SINCE_INCEPTION("SI");

        final String label;

        Period(String label) {
            this.label = label;
        }

        LocalDate start(LocalDate end, LocalDate inception) {
            return switch (this) {
                case ONE_MONTH -> end.minusMonths(1);
                case THREE_MONTHS -> end.minusMonths(3);
                case YEAR_TO_DATE -> LocalDate.of(end.getYear() - 1, 12, 31);
                case ONE_YEAR -> end.minusYears(1);
                case THREE_YEARS -> end.minusYears(3);
                case SINCE_INCEPTION -> inception == null ? end : inception;
            };
        }
    }

    private static List<Performance.Period> periods(Inputs in, NavigableMap<LocalDate, BigDecimal> values,
                                                    Map<LocalDate, BigDecimal> flows) {
        List<Performance.Period> periods = new ArrayList<>();
        for (Period period : Period.values()) {
            LocalDate start = period.start(in.asOf(), in.inception());
            String why = values == null ? "no movement up to " + in.asOf()
                    : start.isBefore(in.inception()) ? "the first movement is on " + in.inception()
                    : !start.isBefore(in.asOf()) ? "the period has no days" : null;
            if (why != null) {
                periods.add(new Performance.Period(period.label, start, in.asOf(), null, null, null, null, null, null,
                        why));
                continue;
            }
            BigDecimal net = null;
            boolean known = true;
            for (LocalDate day : values.subMap(start, false, in.asOf(), true).keySet()) {
                BigDecimal flow = flows.get(day);
                known &= values.get(day) != null;
                net = flow == null ? net : net == null ? flow : net.add(flow);
            }
            Returns.Rates rates = Returns.of(values, flows, start, in.asOf());
            periods.add(new Performance.Period(period.label, start, in.asOf(), text(values.get(start)),
                    text(values.get(in.asOf())), known ? text(net == null ? BigDecimal.ZERO.setScale(scale(in.base()))
                    : net) : null, rates.twr(), rates.mwr(), rates.mwrAnnualized(), rates.why()));
        }
        return periods;
    }

    private static List<Performance.Allocation> byAsset(List<ValueHistory.Held> held, BigDecimal total) {
        return held.stream().map(h -> new Performance.Allocation(h.asset(), h.kind(), h.currency(),
                h.quantity().toPlainString(), text(h.value()), percent(h.value(), total), h.status())).toList();
    }

    private static List<Performance.CurrencyShare> byCurrency(List<ValueHistory.Held> held, BigDecimal total) {
        Map<String, List<ValueHistory.Held>> groups = new TreeMap<>();
        held.forEach(h -> groups.computeIfAbsent(h.currency() == null ? "unknown" : h.currency(),
                k -> new ArrayList<>()).add(h));
        List<Performance.CurrencyShare> rows = new ArrayList<>();
        groups.forEach((currency, members) -> {
            String status = members.stream().map(ValueHistory.Held::status).filter(s -> !"PRICED".equals(s))
                    .findFirst().orElse("PRICED");
            BigDecimal value = !"PRICED".equals(status) ? null : members.stream().map(ValueHistory.Held::value)
                    .reduce(BigDecimal::add).orElseThrow();
            rows.add(new Performance.CurrencyShare(currency, text(value), percent(value, total), status));
        });
        return rows;
    }

    private static String percent(BigDecimal value, BigDecimal total) {
        return value == null || total == null || total.signum() == 0 ? null
                : value.multiply(HUNDRED).divide(total, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static int scale(String currency) {
        return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
