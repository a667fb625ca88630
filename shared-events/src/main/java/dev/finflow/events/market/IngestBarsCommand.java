package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

import java.util.List;

/**
 * Ingests a batch of up to 10,000 daily bars for one instrument, in one command and one database transaction.
 *
 * @param runId  the ingestion run that fetched them ({@code manual} style ids for hand uploads)
 * @param source the provider or file they came from
 */
public record IngestBarsCommand(Symbol symbol, String runId, String source, List<RawBar> bars)
        implements InstrumentCommand {
}
