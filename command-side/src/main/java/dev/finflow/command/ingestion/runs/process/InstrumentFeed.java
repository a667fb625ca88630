package dev.finflow.command.ingestion.runs.process;

import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.command.instruments.domain.InstrumentMetadata;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.IngestBarsCommand;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Hands fetched bars to the instrument, in {@code IngestBarsCommand}s of at most the configured batch size (one
 * command, one transaction each), every one naming its run and source in payload and metadata, and saying what
 * "today" is for the instrument's future-date rule (in the instruments' zone).
 */
@Component
class InstrumentFeed {

    private final CommandDispatcher dispatcher;
    private final RunProperties properties;
    private final ZoneId zone;

    InstrumentFeed(CommandDispatcher dispatcher, RunProperties properties,
                   @Value("${finflow.instruments.zone:UTC}") ZoneId zone) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.zone = zone;
    }

    /** Sends every batch; returns how many commands it took. */
    int send(String runId, Symbol symbol, String source, List<RawBar> bars, MetaData metaData) {
        MetaData tagged = InstrumentMetadata.withToday(metaData, LocalDate.now(zone))
                .and(MetadataKeys.INGESTION_RUN, runId).and(MetadataKeys.SOURCE, source);
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
