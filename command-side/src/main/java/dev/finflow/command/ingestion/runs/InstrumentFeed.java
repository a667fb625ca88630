package dev.finflow.command.ingestion.runs;

import dev.finflow.command.dispatch.CommandDispatcher;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.IngestBarsCommand;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hands fetched bars to the instrument, in {@code IngestBarsCommand}s of at most the configured batch size (one
 * command, one transaction each), every one naming its run and source in payload and metadata.
 */
@Component
class InstrumentFeed {

    private final CommandDispatcher dispatcher;
    private final RunProperties properties;

    InstrumentFeed(CommandDispatcher dispatcher, RunProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /** Sends every batch; returns how many commands it took. */
    int send(String runId, Symbol symbol, String source, List<RawBar> bars, MetaData metaData) {
        MetaData tagged = metaData.and(MetadataKeys.INGESTION_RUN, runId).and(MetadataKeys.SOURCE, source);
        int batches = 0;
        for (int from = 0; from < bars.size(); from += properties.batchSize()) {
            List<RawBar> batch = bars.subList(from, Math.min(bars.size(), from + properties.batchSize()));
            dispatcher.send(new IngestBarsCommand(symbol, runId, source, List.copyOf(batch)), tagged)
                    .block(properties.commandTimeout());
            batches++;
        }
        return batches;
    }
}
