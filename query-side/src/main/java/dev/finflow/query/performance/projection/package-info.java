/**
 * Reads what an account performance needs (currency, holding histories, external flows) from the holdings
 * projection tables; it keeps no table of its own.
 */
package dev.finflow.query.performance.projection;
