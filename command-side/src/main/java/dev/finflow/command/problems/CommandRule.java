package dev.finflow.command.problems;

import dev.finflow.problems.Kind;
import dev.finflow.problems.Rule;

/**
 * Every rule of the command side's domain: accounts, transfers, ingestion runs, instruments. Rules about the
 * request itself (its shape, size, the accounts and instruments it names) are {@link
 * dev.finflow.problems.RequestRule}. A new rule is one constant here; the shared advice answers it.
 */
public enum CommandRule implements Rule {
    // Values in the request.
    UNKNOWN_TRANSACTION_TYPE("unknown-transaction-type", Kind.INVALID, "Unknown transaction type"),
    UNKNOWN_CURRENCY("unknown-currency", Kind.INVALID, "Unknown currency"),
    BATCH_TOO_LARGE("batch-too-large", Kind.INVALID, "Too many transactions in one batch"),
    // Amounts and quantities.
    NON_POSITIVE_AMOUNT("non-positive-amount", Kind.INVALID, "Amounts must be positive"),
    NON_POSITIVE_QUANTITY("non-positive-quantity", Kind.INVALID, "Quantities must be positive"),
    TOO_MANY_DECIMALS("too-many-decimals", Kind.INVALID, "More decimals than allowed"),
    // Bounds every value must keep (see Bounds).
    AMOUNT_OUT_OF_BOUNDS("amount-out-of-bounds", Kind.INVALID, "An amount or quantity is above 10^15"),
    FX_RATE_OUT_OF_BOUNDS("fx-rate-out-of-bounds", Kind.INVALID, "An FX rate is outside [0.000001, 1000000]"),
    SPLIT_RATIO_OUT_OF_BOUNDS("split-ratio-out-of-bounds", Kind.INVALID, "A split ratio is outside [1/1000, 1000]"),
    DATE_OUT_OF_BOUNDS("date-out-of-bounds", Kind.INVALID, "A date is before 1900-01-01 or more than a year ahead"),
    CONTROL_CHARACTER("control-character", Kind.INVALID, "A text contains a control character"),
    FIELD_NOT_ALLOWED("field-not-allowed", Kind.INVALID, "A field does not belong to this kind of transaction"),
    // The state of the account.
    ACCOUNT_EXISTS("account-exists", Kind.CONFLICT, "An account with this id exists with other details"),
    ACCOUNT_CLOSED("account-closed", Kind.REFUSED, "The account is closed"),
    ACCOUNT_NOT_EMPTY("account-not-empty", Kind.REFUSED, "Only an empty account can be closed"),
    INSUFFICIENT_CASH("insufficient-cash", Kind.REFUSED, "Not enough cash"),
    INSUFFICIENT_UNITS("insufficient-units", Kind.REFUSED, "Not enough units held"),
    CURRENCY_MISMATCH("currency-mismatch", Kind.REFUSED,
            "The currency differs from the account's and no FX rate was given"),
    FX_RATE_UNEXPECTED("fx-rate-unexpected", Kind.REFUSED, "An FX rate was given for a same-currency transaction"),
    TRANSACTION_CONFLICT("transaction-conflict", Kind.CONFLICT,
            "The transaction id was used before with other content"),
    UNKNOWN_TRANSACTION("unknown-transaction", Kind.REFUSED, "No such transaction in this account"),
    ALREADY_REVERSED("already-reversed", Kind.REFUSED, "The transaction has been reversed already"),
    NOT_REVERSIBLE("not-reversible", Kind.REFUSED, "This kind of transaction cannot be reversed"),
    SAME_ACCOUNT_TRANSFER("same-account-transfer", Kind.REFUSED, "A transfer needs two different accounts"),
    // Access to the account (grants).
    READ_ONLY_ACCESS("read-only-access", Kind.FORBIDDEN, "Your access to this account is read-only"),
    LAST_OWNER("last-owner", Kind.REFUSED, "An account keeps at least one owner"),
    // Dates in the account's history.
    DATE_BEFORE_OPENING("date-before-opening", Kind.REFUSED, "The date is before the account was opened"),
    BREAKS_LATER_BALANCE("breaks-later-balance", Kind.REFUSED,
            "A later day would show units below zero or cash beyond the overdraft"),
    REVERSAL_BEFORE_ORIGINAL("reversal-before-original", Kind.REFUSED,
            "A reversal cannot be dated before what it cancels"),
    CLOSURE_BEFORE_LAST_TRANSACTION("closure-before-last-transaction", Kind.REFUSED,
            "An account cannot be closed before its last transaction"),
    ACCOUNT_ALREADY_CLOSED("account-already-closed", Kind.CONFLICT, "The account was closed on another date"),
    DIVIDEND_WITHOUT_HOLDING("dividend-without-holding", Kind.REFUSED,
            "A dividend needs units of the symbol held on or before its date"),
    // Ingestion runs.
    INVALID_DATE_RANGE("invalid-date-range", Kind.INVALID, "The date range is empty or reversed"),
    UNKNOWN_WATCHLIST("unknown-watchlist", Kind.INVALID, "No watchlist of that name is configured"),
    UNKNOWN_PROVIDER("unknown-provider", Kind.INVALID, "No provider of that name is configured"),
    INGESTION_RUN_CONFLICT("ingestion-run-conflict", Kind.CONFLICT, "The run id was used before for another run"),
    INGESTION_RUN_FINISHED("ingestion-run-finished", Kind.REFUSED, "The ingestion run has finished already"),
    UNKNOWN_RUN_SYMBOL("unknown-run-symbol", Kind.REFUSED, "The symbol is not part of this ingestion run"),
    // Instruments and market data.
    INSTRUMENT_EXISTS("instrument-exists", Kind.CONFLICT, "The instrument is registered with other details"),
    TOO_MANY_BARS("too-many-bars", Kind.TOO_LARGE, "Too many bars in one batch"),
    MALFORMED_CSV("malformed-csv", Kind.INVALID, "The CSV body is not in the expected format"),
    BAR_NOT_FOUND("bar-not-found", Kind.NOT_FOUND, "No stored bar for this date"),
    BAR_REJECTED("bar-rejected", Kind.REFUSED, "The bar fails the quality rules"),
    CORPORATE_ACTION_CONFLICT("corporate-action-conflict", Kind.CONFLICT,
            "A different split or dividend is recorded for this date"),
    // A person's data (export and erasure).
    OTHER_PERSONS_DATA("other-persons-data", Kind.FORBIDDEN, "Only an admin may export another person's data"),
    // Operations on the processes' dead letters.
    PROCESSOR_NOT_FOUND("processor-not-found", Kind.NOT_FOUND, "Processor not found"),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found", Kind.NOT_FOUND, "Dead letter not found"),
    DEAD_LETTER_STILL_FAILING("dead-letter-still-failing", Kind.CONFLICT, "Dead letter still fails"),
    // The system.
    CONCURRENT_MODIFICATION("concurrent-modification", Kind.CONFLICT, "The account changed concurrently; retry");

    private final String id;
    private final Kind kind;
    private final String title;

    CommandRule(String id, Kind kind, String title) {
        this.id = id;
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
