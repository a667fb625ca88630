package dev.finflow.query.ingestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An ingestion run: what it set out to fetch, its status (RUNNING, COMPLETED, FAILED), and, in the detail view,
 * its progress per symbol and its failed attempts ({@code null} in the list, which shows counts).
 */
public record RunView(String runId, String trigger, String watchlist, List<String> symbols, LocalDate from,
                      LocalDate to, List<String> providers, String status, Instant startedAt, Instant finishedAt,
                      List<String> failedSymbols, String cause, Integer barsReceived, int symbolsDone,
                      int failedAttempts, List<SymbolProgress> progress, List<Attempt> attempts) {

    /** One symbol of a run: DONE with the counts of what its bars became, or PENDING. */
    public record SymbolProgress(String symbol, String status, String provider, Integer received, Integer accepted,
                                 Integer flagged, Integer rejected, Integer duplicates, Integer corrected) {
    }

    /** A failed attempt: which provider, which try, why, and what the run did next (RETRY, FALLBACK, GIVE_UP). */
    public record Attempt(String symbol, String provider, int attempt, String cause, String nextStep, Instant at) {
    }

    RunView withDetail(List<SymbolProgress> progress, List<Attempt> attempts) {
        return new RunView(runId, trigger, watchlist, symbols, from, to, providers, status, startedAt, finishedAt,
                failedSymbols, cause, barsReceived, symbolsDone, failedAttempts, progress, attempts);
    }
}
