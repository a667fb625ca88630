package dev.finflow.events.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in an ISO 4217 currency. Never a double. Whether an amount is acceptable (positive, no more
 * decimals than the currency has) is a business rule decided by the aggregates, so any amount can be held here;
 * {@link #hasValidScale()} and {@link #isPositive()} are the questions they ask.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    /** True when the amount has no more decimals than the currency allows (JPY 0, EUR 2, BHD 3). */
    public boolean hasValidScale() {
        return amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** The amount at exactly the currency's scale; only valid for amounts that pass {@link #hasValidScale()}. */
    public Money normalized() {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Converts into another currency at {@code rate} units of the target per unit of this currency, rounded half
     * to even at the target's scale (banker's rounding, so that repeated conversions do not drift one way).
     */
    public Money convert(BigDecimal rate, Currency target) {
        return new Money(amount.multiply(rate).setScale(target.getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
                target);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
