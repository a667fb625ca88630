package dev.finflow.query.performance.domain;

import dev.finflow.query.bars.domain.Adjustments;
import dev.finflow.query.bars.domain.InstrumentView;
import dev.finflow.query.holdings.projection.HoldingsKnownAt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Values an account's holdings at the end of any day, in memory, the way {@code GET /valuation} does one day: each
 * security at its latest kept close on or before the day brought to the day's share basis (the splits between the
 * bar and the day), each amount converted into the base currency at the latest close of an FX pair (direct, else
 * the inverse of the opposite pair) on or before the day, each holding's value rounded half-even once to the base
 * currency's scale. A missing close or rate leaves the holding unvalued: never a rate of one.
 */
public final class ValueHistory {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** One holding at the end of a day; {@code value} is null unless {@code status} is PRICED. */
    record Held(String asset, String kind, String currency, BigDecimal quantity, BigDecimal value, String status) {
    }

    private final String base;
    private final int scale;
    private final List<HoldingsKnownAt.Timeline> holdings;
    private final Map<String, InstrumentView> instruments;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> closes;
    private final Map<String, Adjustments> adjustments;
    private final List<InstrumentView> fxPairs;

    public ValueHistory(String base, List<HoldingsKnownAt.Timeline> holdings, Map<String, InstrumentView> instruments,
                        Map<String, NavigableMap<LocalDate, BigDecimal>> closes, Map<String, Adjustments> adjustments,
                        List<InstrumentView> fxPairs) {
        this.base = base;
        this.scale = java.util.Currency.getInstance(base).getDefaultFractionDigits();
        this.holdings = holdings;
        this.instruments = instruments;
        this.closes = closes;
        this.adjustments = adjustments;
        this.fxPairs = fxPairs;
    }

    /** The non-zero holdings at the end of {@code day}, in (kind, asset) order. */
    List<Held> holdings(LocalDate day) {
        List<Held> held = new ArrayList<>();
        for (HoldingsKnownAt.Timeline timeline : holdings) {
            var figures = timeline.history().floorEntry(day);
            if (figures != null && figures.getValue().quantity().signum() != 0) {
                held.add(value(timeline.asset(), timeline.kind(), figures.getValue().quantity(), day));
            }
        }
        return held;
    }

    /** The account's value at the end of {@code day}, or null when some holding has no close or no rate. */
    BigDecimal total(LocalDate day) {
        BigDecimal total = BigDecimal.ZERO.setScale(scale);
        for (HoldingsKnownAt.Timeline timeline : holdings) {
            var figures = timeline.history().floorEntry(day);
            if (figures != null && figures.getValue().quantity().signum() != 0) {
                Held held = value(timeline.asset(), timeline.kind(), figures.getValue().quantity(), day);
                if (held.value() == null) {
                    return null;
                }
                total = total.add(held.value());
            }
        }
        return total;
    }

    /** An amount of {@code currency} in the base currency at the end of {@code day}, or null without a rate. */
    BigDecimal convert(BigDecimal amount, String currency, LocalDate day) {
        BigDecimal rate = rate(currency, day);
        return rate == null ? null : amount.multiply(rate, EXACT).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private Held value(String asset, String kind, BigDecimal quantity, LocalDate day) {
        if ("CASH".equals(kind)) {
            BigDecimal value = convert(quantity, asset, day);
            return new Held(asset, kind, asset, quantity, value, value == null ? "NO_FX_RATE" : "PRICED");
        }
        InstrumentView instrument = instruments.get(asset);
        var close = instrument == null ? null : closes.getOrDefault(asset, java.util.Collections.emptyNavigableMap())
                .floorEntry(day);
        if (close == null) {
            return new Held(asset, kind, instrument == null ? null : instrument.currency(), quantity, null, "NO_PRICE");
        }
        BigDecimal factor = adjustments.getOrDefault(asset, Adjustments.none()).splitFactorBetween(close.getKey(), day);
        BigDecimal price = factor.compareTo(BigDecimal.ONE) == 0 ? close.getValue() : close.getValue()
                .multiply(factor, EXACT).setScale(Math.max(Adjustments.PRICE_SCALE, close.getValue().scale()),
                        RoundingMode.HALF_EVEN);
        BigDecimal rate = rate(instrument.currency(), day);
        BigDecimal value = rate == null ? null : quantity.multiply(price, EXACT).multiply(rate, EXACT)
                .setScale(scale, RoundingMode.HALF_EVEN);
        return new Held(asset, kind, instrument.currency(), quantity, value, value == null ? "NO_FX_RATE" : "PRICED");
    }

    /** Units of the base currency per unit of {@code from} at the end of {@code day}; null when no pair has a close. */
    private BigDecimal rate(String from, LocalDate day) {
        if (from.equals(base)) {
            return BigDecimal.ONE;
        }
        for (InstrumentView pair : fxPairs) {
            if (from.equals(pair.baseCurrency()) && base.equals(pair.currency())) {
                var close = closes.getOrDefault(pair.symbol(), java.util.Collections.emptyNavigableMap()).floorEntry(day);
                if (close != null) {
                    return close.getValue();
                }
            }
        }
        for (InstrumentView pair : fxPairs) {
            if (base.equals(pair.baseCurrency()) && from.equals(pair.currency())) {
                var close = closes.getOrDefault(pair.symbol(), java.util.Collections.emptyNavigableMap()).floorEntry(day);
                if (close != null && close.getValue().signum() > 0) {
                    return BigDecimal.ONE.divide(close.getValue(), EXACT);
                }
            }
        }
        return null;
    }
}
