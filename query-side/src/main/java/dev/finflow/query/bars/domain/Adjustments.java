package dev.finflow.query.bars.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The split and dividend adjustment of one symbol, computed from its recorded corporate actions when read, so
 * that an action recorded after the bars it affects adjusts them retroactively.
 * <ul>
 *     <li>a split n-for-d effective on E divides every price before E by n/d and multiplies the volume by n/d;</li>
 *     <li>a cash dividend D going ex on X multiplies every price before X by {@code 1 - D / C}, where C is the
 *     close of the last bar before X, brought to X's share basis by the splits between that bar and X (the
 *     CRSP/Yahoo convention). Without such a bar, or when D >= C, the dividend cannot be expressed as a factor
 *     and leaves prices unchanged.</li>
 * </ul>
 * Factors are exact decimals to {@link MathContext#DECIMAL128} (34 significant digits, half-even); an adjusted
 * price is rounded half-even to {@link #PRICE_SCALE} decimals (or the raw price's scale when larger), an adjusted
 * volume half-even to whole units.
 */
public final class Adjustments {

    public static final int PRICE_SCALE = 6;
    static final MathContext FACTOR = MathContext.DECIMAL128;

    /** A recorded corporate action with, for a dividend, the last bar before its ex date. */
    public record Action(String kind, LocalDate date, BigDecimal numerator, BigDecimal denominator, BigDecimal amount,
                         LocalDate priorDate, BigDecimal priorClose) {

        boolean isSplit() {
            return "SPLIT".equals(kind);
        }

        BigDecimal splitPriceFactor() {
            return denominator.divide(numerator, FACTOR);
        }
    }

    private record Step(LocalDate date, BigDecimal price, BigDecimal volume, boolean split) {
    }

    private final List<Step> steps;

    private Adjustments(List<Step> steps) {
        this.steps = steps;
    }

    public static Adjustments none() {
        return new Adjustments(List.of());
    }

    public static Adjustments of(List<Action> actions) {
        List<Action> splits = actions.stream().filter(Action::isSplit).toList();
        List<Step> steps = actions.stream().sorted(Comparator.comparing(Action::date)).map(action -> action.isSplit()
                ? new Step(action.date(), action.splitPriceFactor(), action.numerator().divide(action.denominator(),
                FACTOR), true)
                : new Step(action.date(), dividendFactor(action, splits), BigDecimal.ONE, false)).toList();
        return new Adjustments(steps);
    }

    private static BigDecimal dividendFactor(Action dividend, List<Action> splits) {
        if (dividend.priorClose() == null) {
            return BigDecimal.ONE;
        }
        BigDecimal close = dividend.priorClose().multiply(splitPriceFactor(splits, dividend.priorDate(),
                dividend.date()), FACTOR);
        if (close.signum() <= 0 || dividend.amount().compareTo(close) >= 0) {
            return BigDecimal.ONE;
        }
        return BigDecimal.ONE.subtract(dividend.amount().divide(close, FACTOR), FACTOR);
    }

    private static BigDecimal splitPriceFactor(List<Action> splits, LocalDate after, LocalDate upTo) {
        BigDecimal factor = BigDecimal.ONE;
        for (Action split : splits) {
            if (split.date().isAfter(after) && !split.date().isAfter(upTo)) {
                factor = factor.multiply(split.splitPriceFactor(), FACTOR);
            }
        }
        return factor;
    }

    /** The product of the price factors of every action after {@code date}. */
    public BigDecimal priceFactor(LocalDate date) {
        BigDecimal factor = BigDecimal.ONE;
        for (Step step : steps) {
            if (step.date().isAfter(date)) {
                factor = factor.multiply(step.price(), FACTOR);
            }
        }
        return factor;
    }

    /**
     * Brings a price of {@code barDate} to the share basis of {@code asOf}: the split price factors of the splits
     * effective after the bar and on or before {@code asOf} (dividends do not change a holding's basis).
     */
    public BigDecimal splitFactorBetween(LocalDate barDate, LocalDate asOf) {
        BigDecimal factor = BigDecimal.ONE;
        for (Step step : steps) {
            if (step.date().isAfter(barDate) && !step.date().isAfter(asOf) && step.split()) {
                factor = factor.multiply(step.price(), FACTOR);
            }
        }
        return factor;
    }

    public BigDecimal price(BigDecimal raw, LocalDate date) {
        if (raw == null) {
            return null;
        }
        return raw.multiply(priceFactor(date), FACTOR).setScale(Math.max(PRICE_SCALE, raw.scale()),
                RoundingMode.HALF_EVEN);
    }

    public long volume(long raw, LocalDate date) {
        BigDecimal factor = BigDecimal.ONE;
        for (Step step : steps) {
            if (step.date().isAfter(date)) {
                factor = factor.multiply(step.volume(), FACTOR);
            }
        }
        return BigDecimal.valueOf(raw).multiply(factor, FACTOR).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
