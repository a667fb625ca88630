/**
 * The holdings read model: the projection that folds ledger events into holding rows and their timeline, its
 * tables, and the readers over them (current holdings, changes, holdings as known at an instant). The fold shares
 * package-private helpers with the tables it writes, so it stays here rather than in domain.
 */
package dev.finflow.query.holdings.projection;
