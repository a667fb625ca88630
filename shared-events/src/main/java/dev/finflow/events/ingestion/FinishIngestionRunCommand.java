package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;

import java.util.List;

/** Ends a run: completed when every symbol was fetched, failed when some were given up. */
public record FinishIngestionRunCommand(String runId, List<Symbol> failedSymbols, String cause)
        implements IngestionRunCommand {
}
