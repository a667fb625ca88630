package dev.finflow.query.performance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The returns of one period from end-of-day values and external flows (both in the base currency). A flow counts at
 * the end of its day: the day's value already holds it, and it earns nothing that day.
 * <ul>
 *     <li>Time-weighted: the product over the valued days d in (start, end] of {@code (V(d) - F(d)) / V(d-1)}
 *     (V(d-1) the previous valued day's value), minus one. This chains the sub-period returns between flows: a day
 *     without a flow contributes its price change, a flow day the change before the flow. Exact to 34 digits.</li>
 *     <li>Money-weighted: the internal rate of return of the start value (invested at the start), the flows and
 *     the end value (taken out at the end): the daily growth factor g solving
 *     {@code V(start) g^T + sum F(d) g^(end - d) = V(end)}, T the period's days, bisected on [0, 2] (widened while
 *     no sign change) until the bracket is narrower than 10^-24; the period's rate is {@code g^T - 1}, the
 *     annualised one {@code g^365 - 1}.</li>
 * </ul>
 * Rates are given in percent, rounded half-even to {@link #PERCENT_SCALE} decimals.
 */
final class Returns {

    static final int PERCENT_SCALE = 4;
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-24");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A period's rates in percent; a null rate comes with {@code why}. */
    record Rates(String twr, String mwr, String mwrAnnualized, String why) {
    }

    private Returns() {
    }

    /**
     * {@code values}: the value at the end of each valued day (null: some holding or flow could not be valued);
     * it holds {@code start}. {@code flows}: the net external flow of each day that has one.
     */
    static Rates of(NavigableMap<LocalDate, BigDecimal> values, Map<LocalDate, BigDecimal> flows, LocalDate start,
                    LocalDate end) {
        BigDecimal previous = values.get(start);
        if (previous == null) {
            return new Rates(null, null, null, "no value on " + start);
        }
        BigDecimal startValue = previous;
        BigDecimal growth = BigDecimal.ONE;
        String why = null;
        for (Map.Entry<LocalDate, BigDecimal> day : values.subMap(start, false, end, true).entrySet()) {
            BigDecimal value = day.getValue();
            if (value == null) {
                return new Rates(null, null, null, "no value on " + day.getKey());
            }
            BigDecimal gained = value.subtract(flows.getOrDefault(day.getKey(), BigDecimal.ZERO));
            if (previous.signum() > 0) {
                growth = growth.multiply(gained.divide(previous, EXACT), EXACT);
            } else if (gained.signum() != 0 || previous.signum() < 0) {
                why = "nothing was invested before " + day.getKey();
            }
            previous = value;
        }
        String twr = why == null ? percent(growth.subtract(BigDecimal.ONE)) : null;
        BigDecimal g = dailyGrowth(values, flows, startValue, start, end);
        long days = ChronoUnit.DAYS.between(start, end);
        String mwr = g == null ? null : percent(g.pow((int) days, EXACT).subtract(BigDecimal.ONE));
        String annualized = g == null ? null : percent(g.pow(365, EXACT).subtract(BigDecimal.ONE));
        if (g == null && why == null) {
            why = "no rate of return solves the flows";
        }
        return new Rates(twr, mwr, annualized, why);
    }

    private static BigDecimal dailyGrowth(NavigableMap<LocalDate, BigDecimal> values, Map<LocalDate, BigDecimal> flows,
                                          BigDecimal startValue, LocalDate start, LocalDate end) {
        int days = Math.toIntExact(ChronoUnit.DAYS.between(start, end));
        BigDecimal endValue = values.get(end);
        NavigableMap<LocalDate, BigDecimal> inPeriod = values.subMap(start, false, end, true);
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = TWO;
        int lowSign = balance(low, startValue, days, flows, inPeriod, end, endValue);
        if (lowSign == 0) {
            return low;
        }
        for (int widen = 0; balance(high, startValue, days, flows, inPeriod, end, endValue) == lowSign; widen++) {
            if (widen == 8) {
                return null;
            }
            high = high.multiply(TWO);
        }
        while (high.subtract(low).compareTo(TOLERANCE) > 0) {
            BigDecimal middle = low.add(high).divide(TWO, EXACT);
            int sign = balance(middle, startValue, days, flows, inPeriod, end, endValue);
            if (sign == 0) {
                return middle;
            }
            if (sign == lowSign) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low.add(high).divide(TWO, EXACT);
    }

    /** The sign of {@code V(start) g^T + sum F(d) g^(end - d) - V(end)}. */
    private static int balance(BigDecimal g, BigDecimal startValue, int days, Map<LocalDate, BigDecimal> flows,
                               NavigableMap<LocalDate, BigDecimal> inPeriod, LocalDate end, BigDecimal endValue) {
        BigDecimal sum = startValue.multiply(g.pow(days, EXACT), EXACT);
        for (LocalDate day : inPeriod.keySet()) {
            BigDecimal flow = flows.get(day);
            if (flow != null) {
                sum = sum.add(flow.multiply(g.pow((int) ChronoUnit.DAYS.between(day, end), EXACT), EXACT), EXACT);
            }
        }
        return sum.subtract(endValue, EXACT).signum();
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(HUNDRED).setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }
}
