/**
 * Event handlers that find unusual returns and transactions, the grants that say who may see them, and the table
 * they write; used by the web layer, never the other way round.
 */
package dev.finflow.ml.anomalies.projection;
