/**
 * The robust score that decides what is unusual: plain code, no Spring, SQL or Reactor (checked by package).
 */
package dev.finflow.ml.anomalies.domain;
