/**
 * The thresholds an operator may change ({@code finflow.ml.anomalies}).
 */
package dev.finflow.ml.anomalies.config;
