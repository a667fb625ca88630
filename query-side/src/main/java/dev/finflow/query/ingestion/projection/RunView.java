package dev.finflow.query.ingestion.projection;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An ingestion run: what it set out to fetch, its status (RUNNING, COMPLETED, FAILED), and, in the detail view,
 * its progress per symbol and its failed attempts ({@code null} in the list, which shows counts).
 */
@Schema(name = "IngestionRun")
public record RunView(@Schema(example = "run-2024-01-05") String runId,
                      @Schema(allowableValues = {"MANUAL", "SCHEDULE", "GAP_BACKFILL", "SAMPLE_DATA"}) String trigger,
                      @Schema(types = {"string", "null"}) String watchlist, List<String> symbols, LocalDate from,
                      LocalDate to,
                      List<String> providers,
                      @Schema(allowableValues = {"RUNNING", "COMPLETED", "FAILED"}) String status,
                      Instant startedAt, @Schema(types = {"string", "null"}) Instant finishedAt,
                      @Schema(types = {"array", "null"}) List<String> failedSymbols,
                      @Schema(types = {"string", "null"}) String cause,
                      @Schema(types = {"integer", "null"}) Integer barsReceived, int symbolsDone,
                      int failedAttempts, @Schema(types = {"array", "null"}) List<SymbolProgress> progress,
                      @Schema(types = {"array", "null"}) List<Attempt> attempts) {

    /** One symbol of a run: DONE with the counts of what its bars became, or PENDING. */
    @Schema(name = "IngestionRunSymbol")
    public record SymbolProgress(String symbol, @Schema(allowableValues = {"DONE", "PENDING"}) String status,
                                 @Schema(types = {"string", "null"}) String provider,
                                 @Schema(types = {"integer", "null"}) Integer received,
                                 @Schema(types = {"integer", "null"}) Integer accepted,
                                 @Schema(types = {"integer", "null"}) Integer flagged,
                                 @Schema(types = {"integer", "null"}) Integer rejected,
                                 @Schema(types = {"integer", "null"}) Integer duplicates,
                                 @Schema(types = {"integer", "null"}) Integer corrected) {
    }

    /** A failed attempt: which provider, which try, why, and what the run did next (RETRY, FALLBACK, GIVE_UP). */
    @Schema(name = "IngestionRunAttempt")
    public record Attempt(String symbol, String provider, int attempt, @Schema(types = {"string", "null"}) String cause,
                          @Schema(allowableValues = {"RETRY", "FALLBACK", "GIVE_UP"}) String nextStep, Instant at) {
    }

    public RunView withDetail(List<SymbolProgress> progress, List<Attempt> attempts) {
        return new RunView(runId, trigger, watchlist, symbols, from, to, providers, status, startedAt, finishedAt,
                failedSymbols, cause, barsReceived, symbolsDone, failedAttempts, progress, attempts);
    }
}
