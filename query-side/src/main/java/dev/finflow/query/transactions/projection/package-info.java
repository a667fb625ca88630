/**
 * The transactions of an account: the projection that folds ledger events into the transactions table.
 */
package dev.finflow.query.transactions.projection;
