/**
 * The anomalies endpoint: the outermost layer, used by nothing else.
 */
package dev.finflow.ml.anomalies.web;
