/**
 * The performance report and the returns and value history it is computed from: plain code, no Spring or Reactor;
 * reads the holdings and bars values.
 */
package dev.finflow.query.performance.domain;
