package dev.finflow.events.ingestion;

import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A run started: which symbols, which date range, which providers in order of preference, and why. */
@Revision("1")
public record IngestionRunStartedEvent(String runId, RunTrigger trigger, String watchlist, List<Symbol> symbols,
                                       LocalDate from, LocalDate to, List<String> providers) {

    public IngestionRunStartedEvent {
        symbols = List.copyOf(symbols);
        providers = List.copyOf(providers);
    }
}
