/**
 * Monthly balances: the projection that folds ledger legs into monthly flows, the fold that turns flows into
 * opening and closing balances per asset and month, and the reader that takes a security's closings from the
 * holdings history. The fold names query rules (a bad cursor or range) and reads the holdings' known-at legs, so
 * it is not plain enough for a domain package.
 */
package dev.finflow.query.monthlybalances.projection;
