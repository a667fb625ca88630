package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;

import java.time.LocalDate;
import java.util.List;

/** Starts a run fetching {@code symbols} for the dates {@code from}..{@code to} (a backfill when in the past). */
public record StartIngestionRunCommand(String runId, RunTrigger trigger, String watchlist, List<Symbol> symbols,
                                       LocalDate from, LocalDate to, List<String> providers)
        implements IngestionRunCommand {
}
