package dev.finflow.command.ingestion.gaps.process;

import dev.finflow.command.ingestion.gaps.domain.Gap;
import dev.finflow.command.ingestion.gaps.domain.GapDetector;
import dev.finflow.command.ingestion.gaps.domain.Gap;
import dev.finflow.command.ingestion.gaps.domain.GapDetector;
import dev.finflow.command.ingestion.runs.process.IngestionRuns;
import dev.finflow.command.ingestion.runs.process.RunPlanner;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a symbol's gaps (trading days of its exchange's calendar without a bar) and starts one backfill run per
 * gap. The run id names the symbol, the gap and the day of the check, so checking twice a day starts nothing new,
 * while a gap a provider could not fill is tried again the next day.
 */
@Component
class GapBackfill {

    private final StoredBarDates stored;
    private final RegisteredCalendars calendars;
    private final RunPlanner planner;
    private final IngestionRuns runs;

    GapBackfill(StoredBarDates stored, RegisteredCalendars calendars, RunPlanner planner, IngestionRuns runs) {
        this.stored = stored;
        this.calendars = calendars;
        this.planner = planner;
        this.runs = runs;
    }

    /** The gaps in {@code from}..{@code to}, each with the run started to fill it. */
    public List<IngestionRuns.Started> backfill(Symbol symbol, List<String> providers, LocalDate from,
                                                LocalDate to, LocalDate today) {
        List<IngestionRuns.Started> started = new ArrayList<>();
        GapDetector detector = new GapDetector(calendars.of(symbol));
        for (Gap gap : detector.gaps(stored.of(symbol, from, to), from, to)) {
            String runId = "gap-" + symbol.value() + "-" + gap.from() + "_" + gap.to() + "-" + today;
            StartIngestionRunCommand command = planner.plan(runId, RunTrigger.GAP_BACKFILL, null,
                    List.of(symbol.value()), gap.from(), gap.to(), providers);
            MetaData metaData = MetaData.from(Map.of(MetadataKeys.PRINCIPAL, "gap-backfill",
                    MetadataKeys.CORRELATION_ID, runId, MetadataKeys.SOURCE, "gap-backfill"));
            started.add(runs.start(command, metaData).block(Duration.ofSeconds(30)));
        }
        return started;
    }
}
