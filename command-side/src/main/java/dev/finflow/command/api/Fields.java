package dev.finflow.command.api;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.Function;

/**
 * Reads the typed values of a request, refusing a missing or malformed field with the rule and field named.
 * Whether a well-formed value is acceptable (positive, few enough decimals) is left to the aggregates.
 */
public final class Fields {

    private static final int MAX_TEXT = 500;

    private Fields() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, field + " is required", field);
        }
        return value;
    }

    public static AccountId accountId(String value, String field) {
        return parse(required(value, field), AccountId::new, field);
    }

    /** A new client-chosen transaction id: without the {@code @} that only ids the ledger makes carry. */
    public static TransactionId transactionId(String value, String field) {
        TransactionId id = parse(required(value, field), TransactionId::new, field);
        if (id.value().indexOf('@') >= 0) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + " '" + value + "': '@' is kept for ids the ledger "
                    + "makes itself", field);
        }
        return id;
    }

    /** A reference to a recorded transaction, which may be one the ledger named (a received transfer). */
    public static TransactionId transactionRef(String value, String field) {
        return parse(required(value, field), TransactionId::new, field);
    }

    /** A user id as tokens carry it in their subject: opaque, 1 to 128 of letters, digits and ._@:+-. */
    public static String userId(String value, String field) {
        if (!required(value, field).matches("[A-Za-z0-9._@:+-]{1,128}")) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + " must be 1 to 128 of letters, digits and "
                    + "._@:+-", field);
        }
        return value;
    }

    public static Symbol symbol(String value, String field) {
        return parse(required(value, field), Symbol::new, field);
    }

    public static Currency currency(String code, String field) {
        required(code, field);
        if (!code.matches("[A-Z]{3}")) {
            throw new RuleViolation(CommandRule.UNKNOWN_CURRENCY, field + " '" + code
                    + "' is not an ISO 4217 code (three upper-case letters)", field);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(CommandRule.UNKNOWN_CURRENCY, field + " '" + code + "' is not an ISO 4217 currency",
                    field);
        }
    }

    public static Money money(BigDecimal amount, String amountField, String currency, String currencyField) {
        return new Money(required(amount, amountField), currency(currency, currencyField));
    }

    /** Optional free text (memos, reasons) of at most 500 characters. */
    public static String text(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + " is longer than " + MAX_TEXT
                    + " characters", field);
        }
        return value;
    }

    private static <T> T parse(String value, Function<String, T> parser, String field) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException invalid) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + ": " + invalid.getMessage(), field);
        }
    }
}
