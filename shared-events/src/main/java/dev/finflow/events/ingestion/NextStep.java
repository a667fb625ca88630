package dev.finflow.events.ingestion;

/** What a run does after a failed attempt. */
public enum NextStep {
    /** Tries the same provider again after a backoff. */
    RETRY,
    /** Moves on to the next provider in the run's list. */
    FALLBACK,
    /** No provider is left: the symbol is given up for this run. */
    GIVE_UP
}
