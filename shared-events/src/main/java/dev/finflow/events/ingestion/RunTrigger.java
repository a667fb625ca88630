package dev.finflow.events.ingestion;

/** Why an ingestion run started. */
public enum RunTrigger {
    /** {@code POST /ingestion/runs}. */
    MANUAL,
    /** A watchlist's cron schedule. */
    SCHEDULE,
    /** Gap detection found missing trading days. */
    GAP_BACKFILL,
    /** The bundled sample data on first start. */
    SAMPLE_DATA
}
