/**
 * A ledger movement and the state of one holding folded from movements: plain values, no Spring, SQL or Reactor
 * (checked by package).
 */
package dev.finflow.query.holdings.domain;
