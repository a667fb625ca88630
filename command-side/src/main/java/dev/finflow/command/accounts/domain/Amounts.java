package dev.finflow.command.accounts.domain;

import dev.finflow.problems.RuleViolation;
import dev.finflow.events.values.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static dev.finflow.command.problems.CommandRule.*;
import static dev.finflow.problems.RequestRule.*;

/**
 * The amount rules of one account: amounts are positive and have no more decimals than their currency allows;
 * an amount in a foreign currency settles into the account's currency only with an explicit FX rate (account
 * currency per unit of the foreign one), rounded half to even.
 */
record Amounts(Currency accountCurrency) {

    /** The most decimals an FX rate may carry. */
    static final int MAX_RATE_SCALE = 10;

    /** An exact client amount, settled in the account's currency. */
    Money settle(Money amount, BigDecimal fxRate, String field) {
        requirePositive(amount, field);
        return settleComputed(amount, fxRate, field);
    }

    /**
     * A computed amount (price times quantity, plus fees), which may carry more decimals than its currency:
     * settled in the account's currency and rounded half to even.
     */
    Money settleComputed(Money amount, BigDecimal fxRate, String field) {
        Money settled;
        if (amount.currency().equals(accountCurrency)) {
            if (fxRate != null && fxRate.compareTo(BigDecimal.ONE) != 0) {
                throw new RuleViolation(FX_RATE_UNEXPECTED, "the amount is already in the account's currency "
                        + accountCurrency + "; leave fxRate out", "fxRate");
            }
            settled = new Money(amount.amount().setScale(accountCurrency.getDefaultFractionDigits(),
                    RoundingMode.HALF_EVEN), accountCurrency);
        } else {
            if (fxRate == null) {
                throw new RuleViolation(CURRENCY_MISMATCH, field + " is in " + amount.currency()
                        + " but the account is in " + accountCurrency + "; give fxRate (" + accountCurrency
                        + " per " + amount.currency() + ")", "fxRate");
            }
            requireValidRate(fxRate, "fxRate");
            settled = amount.convert(fxRate, accountCurrency);
        }
        if (settled.amount().signum() <= 0) {
            throw new RuleViolation(NON_POSITIVE_AMOUNT, field + " settles to " + settled + "; it must be positive",
                    field);
        }
        return settled;
    }

    /** A client amount that must already be in the account's currency. */
    Money requireOwnCurrency(Money amount, String field) {
        requirePositive(amount, field);
        if (!amount.currency().equals(accountCurrency)) {
            throw new RuleViolation(CURRENCY_MISMATCH, field + " must be in the account's currency "
                    + accountCurrency + ", not " + amount.currency(), field);
        }
        return amount.normalized();
    }

    static void requirePositive(Money amount, String field) {
        if (!amount.isPositive()) {
            throw new RuleViolation(NON_POSITIVE_AMOUNT, field + " must be positive, was " + amount, field);
        }
        requireScale(amount, field);
    }

    static void requireNonNegative(Money amount, String field) {
        if (amount.amount().signum() < 0) {
            throw new RuleViolation(NON_POSITIVE_AMOUNT, field + " must not be negative, was " + amount, field);
        }
        requireScale(amount, field);
    }

    static void requireScale(Money amount, String field) {
        if (!amount.hasValidScale()) {
            throw new RuleViolation(TOO_MANY_DECIMALS, field + " " + amount + " has more than "
                    + amount.currency().getDefaultFractionDigits() + " decimals, the most "
                    + amount.currency() + " allows", field);
        }
    }

    static void requireValidRate(BigDecimal rate, String field) {
        if (rate.signum() <= 0) {
            throw new RuleViolation(INVALID_FIELD, field + " must be positive, was " + rate.toPlainString(), field);
        }
        if (rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
            throw new RuleViolation(TOO_MANY_DECIMALS, field + " has more than " + MAX_RATE_SCALE + " decimals",
                    field);
        }
    }
}
