package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.RawBar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.List;

/**
 * The "required fields and types" rule: a bar needs an ISO date, four prices that are decimal numbers and a
 * whole-number volume ({@code 25643711.0} is whole); the adjusted close is optional. Every problem is reported,
 * not only the first, so that a quarantined bar says everything that is wrong with it.
 */
final class RawBarReader {

    private static final String RULE = QualityRule.REQUIRED_FIELDS.id();
    private static final int MAX_DIGITS = 30;
    /** The bounds every amount and date of the ledger keeps (see the command API's Bounds), for bars too. */
    private static final BigDecimal MAX_VALUE = BigDecimal.TEN.pow(15);
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    private RawBarReader() {
    }

    /** The bar, or null after adding findings to {@code findings}. */
    static Bar read(RawBar raw, List<Finding> findings) {
        int before = findings.size();
        LocalDate date = date(raw.date(), findings);
        BigDecimal open = price("open", raw.open(), true, findings);
        BigDecimal high = price("high", raw.high(), true, findings);
        BigDecimal low = price("low", raw.low(), true, findings);
        BigDecimal close = price("close", raw.close(), true, findings);
        BigDecimal adjusted = price("adjustedClose", raw.adjustedClose(), false, findings);
        Long volume = volume(raw.volume(), findings);
        if (findings.size() > before) {
            return null;
        }
        return new Bar(date, open, high, low, close, adjusted, volume);
    }

    private static LocalDate date(String value, List<Finding> findings) {
        if (value == null || value.isBlank()) {
            findings.add(new Finding(RULE, "date is missing"));
            return null;
        }
        try {
            LocalDate date = isoDate(value.strip());
            if (date.isBefore(FIRST_DATE)) {
                findings.add(new Finding(RULE, "date " + date + " is before " + FIRST_DATE));
                return null;
            }
            return date;
        } catch (DateTimeException | NumberFormatException invalid) {
            findings.add(new Finding(RULE, "date '" + abbreviate(value) + "' is not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }

    private static BigDecimal price(String field, String value, boolean required, List<Finding> findings) {
        if (value == null || value.isBlank() || (!required && value.strip().equalsIgnoreCase("null"))) {
            if (required) {
                findings.add(new Finding(RULE, field + " is missing"));
            }
            return null;
        }
        BigDecimal number = number(value);
        if (number == null) {
            findings.add(new Finding(RULE, field + " '" + abbreviate(value) + "' is not a decimal number"));
        } else if (number.abs().compareTo(MAX_VALUE) > 0) {
            findings.add(new Finding(RULE, field + " " + abbreviate(value) + " is above the bound of 10^15"));
            return null;
        }
        return number;
    }

    private static Long volume(String value, List<Finding> findings) {
        if (value == null || value.isBlank()) {
            findings.add(new Finding(RULE, "volume is missing"));
            return null;
        }
        String text = value.strip();
        if (text.length() < 16 && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(text);
        }
        BigDecimal number = number(value);
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            findings.add(new Finding(RULE, "volume '" + abbreviate(value) + "' is not a whole number"));
            return null;
        }
        if (number.abs().compareTo(MAX_VALUE) > 0) {
            findings.add(new Finding(RULE, "volume " + abbreviate(value) + " is above the bound of 10^15"));
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException tooLarge) {
            findings.add(new Finding(RULE, "volume '" + abbreviate(value) + "' is too large"));
            return null;
        }
    }

    /** yyyy-mm-dd read directly: {@code LocalDate.parse} is the slowest part of a bar for bulk imports. */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeException("not yyyy-mm-dd");
        }
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static BigDecimal number(String value) {
        String text = value.strip();
        if (text.length() > MAX_DIGITS) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException invalid) {
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
