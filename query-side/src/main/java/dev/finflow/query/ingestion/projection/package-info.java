/**
 * Market-data ingestion runs as the query side sees them: the projection that folds the run, symbol and attempt
 * events into its tables, and the run view it answers with.
 */
package dev.finflow.query.ingestion.projection;
