package dev.finflow.command.problems;

import java.net.URI;

/**
 * Every reason the command side refuses a request, with a stable problem {@code type} URI and HTTP status. The
 * names are part of the API: clients and tests match on them.
 */
public enum Rule {
    // The request itself is malformed or incomplete.
    MALFORMED_REQUEST("malformed-request", 400, "The request body is not valid JSON of the expected shape"),
    MISSING_FIELD("missing-field", 400, "A required field is missing"),
    INVALID_FIELD("invalid-field", 400, "A field has an invalid value"),
    UNKNOWN_TRANSACTION_TYPE("unknown-transaction-type", 400, "Unknown transaction type"),
    UNKNOWN_CURRENCY("unknown-currency", 400, "Unknown currency"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    BATCH_TOO_LARGE("batch-too-large", 400, "Too many transactions in one batch"),
    // Amounts and quantities.
    NON_POSITIVE_AMOUNT("non-positive-amount", 400, "Amounts must be positive"),
    NON_POSITIVE_QUANTITY("non-positive-quantity", 400, "Quantities must be positive"),
    TOO_MANY_DECIMALS("too-many-decimals", 400, "More decimals than allowed"),
    // The state of the account.
    ACCOUNT_NOT_FOUND("account-not-found", 404, "No such account"),
    ACCOUNT_EXISTS("account-exists", 409, "An account with this id exists with other details"),
    ACCOUNT_CLOSED("account-closed", 422, "The account is closed"),
    ACCOUNT_NOT_EMPTY("account-not-empty", 422, "Only an empty account can be closed"),
    INSUFFICIENT_CASH("insufficient-cash", 422, "Not enough cash"),
    INSUFFICIENT_UNITS("insufficient-units", 422, "Not enough units held"),
    CURRENCY_MISMATCH("currency-mismatch", 422, "The currency differs from the account's and no FX rate was given"),
    FX_RATE_UNEXPECTED("fx-rate-unexpected", 422, "An FX rate was given for a same-currency transaction"),
    TRANSACTION_CONFLICT("transaction-conflict", 409, "The transaction id was used before with other content"),
    UNKNOWN_TRANSACTION("unknown-transaction", 422, "No such transaction in this account"),
    ALREADY_REVERSED("already-reversed", 422, "The transaction has been reversed already"),
    NOT_REVERSIBLE("not-reversible", 422, "This kind of transaction cannot be reversed"),
    SAME_ACCOUNT_TRANSFER("same-account-transfer", 422, "A transfer needs two different accounts"),
    // Dates in the account's history.
    DATE_BEFORE_OPENING("date-before-opening", 422, "The date is before the account was opened"),
    BREAKS_LATER_BALANCE("breaks-later-balance", 422,
            "A later day would show units below zero or cash beyond the overdraft"),
    REVERSAL_BEFORE_ORIGINAL("reversal-before-original", 422, "A reversal cannot be dated before what it cancels"),
    CLOSURE_BEFORE_LAST_TRANSACTION("closure-before-last-transaction", 422,
            "An account cannot be closed before its last transaction"),
    ACCOUNT_ALREADY_CLOSED("account-already-closed", 409, "The account was closed on another date"),
    DIVIDEND_WITHOUT_HOLDING("dividend-without-holding", 422,
            "A dividend needs units of the symbol held on or before its date"),
    // Ingestion runs.
    INVALID_DATE_RANGE("invalid-date-range", 400, "The date range is empty or reversed"),
    UNKNOWN_WATCHLIST("unknown-watchlist", 400, "No watchlist of that name is configured"),
    UNKNOWN_PROVIDER("unknown-provider", 400, "No provider of that name is configured"),
    INGESTION_RUN_CONFLICT("ingestion-run-conflict", 409, "The run id was used before for another run"),
    INGESTION_RUN_FINISHED("ingestion-run-finished", 422, "The ingestion run has finished already"),
    UNKNOWN_RUN_SYMBOL("unknown-run-symbol", 422, "The symbol is not part of this ingestion run"),
    // Instruments and market data.
    INSTRUMENT_NOT_FOUND("instrument-not-found", 404, "No such instrument"),
    INSTRUMENT_EXISTS("instrument-exists", 409, "The instrument is registered with other details"),
    TOO_MANY_BARS("too-many-bars", 413, "Too many bars in one batch"),
    MALFORMED_CSV("malformed-csv", 400, "The CSV body is not in the expected format"),
    BAR_NOT_FOUND("bar-not-found", 404, "No stored bar for this date"),
    BAR_REJECTED("bar-rejected", 422, "The bar fails the quality rules"),
    CORPORATE_ACTION_CONFLICT("corporate-action-conflict", 409,
            "A different split or dividend is recorded for this date"),
    // The system.
    CONCURRENT_MODIFICATION("concurrent-modification", 409, "The account changed concurrently; retry"),
    UNAVAILABLE("unavailable", 503, "The service cannot take the request now");

    private static final String BASE = "https://finflow.dev/problems/";

    private final String id;
    private final int status;
    private final String title;

    Rule(String id, int status, String title) {
        this.id = id;
        this.status = status;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(BASE + id);
    }
}
