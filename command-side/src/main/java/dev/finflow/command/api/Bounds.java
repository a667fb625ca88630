package dev.finflow.command.api;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every value keeps, checked at the door before a command is sent, so that nothing absurd is stored
 * forever: amounts and quantities at most 10^15, FX rates in [10^-6, 10^6], split ratios in [1/1000, 1000], dates
 * in [1900-01-01, today + 1 year], texts without control characters (memos may keep line breaks). Whether a
 * value is positive, or has few enough decimals for its currency, is the aggregate's rule.
 */
public final class Bounds {

    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);
    public static final BigDecimal MIN_FX_RATE = new BigDecimal("0.000001");
    public static final BigDecimal MAX_FX_RATE = new BigDecimal("1000000");
    public static final BigDecimal MIN_SPLIT_RATIO = new BigDecimal("0.001");
    public static final BigDecimal MAX_SPLIT_RATIO = new BigDecimal("1000");
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    private Bounds() {
    }

    /** An amount, price or quantity (null passes: whether it is required is the caller's rule). */
    public static BigDecimal amount(BigDecimal value, String field) {
        if (value != null && value.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new RuleViolation(CommandRule.AMOUNT_OUT_OF_BOUNDS, field + " " + value.toString()
                    + " is above the bound of 10^15", field);
        }
        return value;
    }

    public static BigDecimal fxRate(BigDecimal rate, String field) {
        if (rate != null && (rate.compareTo(MIN_FX_RATE) < 0 || rate.compareTo(MAX_FX_RATE) > 0)) {
            throw new RuleViolation(CommandRule.FX_RATE_OUT_OF_BOUNDS, field + " " + rate.toString()
                    + " is outside [0.000001, 1000000]", field);
        }
        return rate;
    }

    /** Units after per unit before; both parts must be positive (checked by the instrument). */
    public static void splitRatio(BigDecimal numerator, BigDecimal denominator) {
        amount(numerator, "numerator");
        amount(denominator, "denominator");
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            return;
        }
        if (numerator.compareTo(denominator.multiply(MAX_SPLIT_RATIO)) > 0
                || numerator.multiply(BigDecimal.valueOf(1000)).compareTo(denominator) < 0) {
            throw new RuleViolation(CommandRule.SPLIT_RATIO_OUT_OF_BOUNDS, "a split of " + numerator.toPlainString()
                    + " for " + denominator.toPlainString() + " is outside [1/1000, 1000]", "numerator");
        }
    }

    public static LocalDate date(LocalDate date, String field, LocalDate today) {
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(today.plusYears(1)))) {
            throw new RuleViolation(CommandRule.DATE_OUT_OF_BOUNDS, field + " " + date + " is outside ["
                    + FIRST_DATE + ", " + today.plusYears(1) + "]", field);
        }
        return date;
    }

    /** A name, reason or source: no control character at all (U+0000 to U+001F, U+007F). */
    public static String text(String value, String field) {
        return checked(value, field, false);
    }

    /** A memo may keep line breaks (CR, LF), no other control character. */
    public static String memo(String value, String field) {
        return checked(value, field, true);
    }

    private static String checked(String value, String field, boolean lineBreaks) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7F;
            if (control && !(lineBreaks && (c == '\n' || c == '\r'))) {
                throw new RuleViolation(CommandRule.CONTROL_CHARACTER, field + " contains the control character "
                        + String.format("U+%04X", (int) c) + " at position " + i, field);
            }
        }
        return value;
    }
}
