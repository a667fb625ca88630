package dev.finflow.events.ledger;

/**
 * Where one leg of a transaction books its value. Cash and securities are the account's assets; the others are
 * the counter-parties that keep every transaction balanced (the sum of leg amounts is zero).
 */
public enum LegType {
    /** Cash in the account's currency; the asset is the ISO currency code. */
    CASH,
    /** Units of an instrument; the asset is the symbol. */
    SECURITY,
    /** Money entering or leaving the ledger (deposits, withdrawals); the asset is the currency code. */
    EXTERNAL,
    /** Income such as dividends; the asset is the symbol that paid it. */
    INCOME,
    /** Costs such as fees; the asset is the currency code. */
    EXPENSE,
    /** Clearing between two accounts of the ledger; the asset is the other account's id. */
    TRANSFER
}
