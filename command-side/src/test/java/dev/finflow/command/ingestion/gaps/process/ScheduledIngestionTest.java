package dev.finflow.command.ingestion.gaps.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.calendar.TradingCalendars;
import dev.finflow.command.ingestion.runs.process.IngestionRuns;
import dev.finflow.command.ingestion.runs.process.RunPlanner;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchlists on cron schedules, and gap backfill: a symbol whose February is missing between a stored January
 * and March gets a backfill run for exactly February, after which every trading day has its bar.
 */
@CommandSideTest
class ScheduledIngestionTest {

    @DynamicPropertySource
    static void schedule(DynamicPropertyRegistry registry) {
        registry.add("finflow.ingestion.providers.yahoo.enabled", () -> "false");
        registry.add("finflow.ingestion.schedule.enabled", () -> "true");
        registry.add("finflow.ingestion.schedule.zone", () -> "UTC");
        registry.add("finflow.ingestion.watchlists[0].name", () -> "every-second");
        registry.add("finflow.ingestion.watchlists[0].symbols", () -> "SCHED");
        registry.add("finflow.ingestion.watchlists[0].cron", () -> "* * * * * *");
        registry.add("finflow.ingestion.watchlists[0].providers", () -> "synthetic");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    GapBackfill gaps;
    @Autowired
    StoredBarDates stored;
    @Autowired
    RunPlanner planner;
    @Autowired
    IngestionRuns runs;
    @Autowired
    TradingCalendars calendars;

    @BeforeEach
    void registerInstruments() {
        for (String symbol : List.of("SCHED", "GAPPY")) {
            http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    {"symbol":"%s","name":"%s Corp.","type":"EQUITY","currency":"USD","exchange":"NYSE"}
                    """.formatted(symbol, symbol)).exchange().expectStatus().is2xxSuccessful();
        }
    }

    /** The schedule may fire before the instrument is registered, so the run may end either way. */
    @Test
    void aWatchlistRunsOnItsCronSchedule() {
        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().anyMatch(row ->
                row.aggregateId().startsWith("ingestion-run/watchlist-every-second-")
                        && row.simpleType().matches("IngestionRun(Completed|Failed)Event")));

        assertThat(rows).anyMatch(row -> row.aggregateId().startsWith("ingestion-run/watchlist-every-second-")
                && row.simpleType().matches("IngestionRun(Completed|Failed)Event"));
        StoredEvents.Row started = rows.stream().filter(row -> row.simpleType().equals("IngestionRunStartedEvent")
                && row.aggregateId().startsWith("ingestion-run/watchlist-every-second-")).findFirst().orElseThrow();
        assertThat(started.payload().get("trigger").asText()).isEqualTo("SCHEDULE");
        assertThat(started.payload().get("watchlist").asText()).isEqualTo("every-second");
        assertThat(started.payload().get("symbols")).extracting(JsonNode::asText).containsExactly("SCHED");
        assertThat(started.payload().get("providers")).extracting(JsonNode::asText).containsExactly("synthetic");
        assertThat(started.metaData().get("principal").asText()).isEqualTo("scheduler");
    }

    @Test
    void backfillFillsARemovedRange() {
        Symbol symbol = new Symbol("GAPPY");
        ingest("gappy-jan", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31));
        ingest("gappy-mar", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 28));
        LocalDate from = LocalDate.of(2024, 1, 2);
        LocalDate to = LocalDate.of(2024, 3, 28);
        assertThat(stored.of(symbol, from, to)).hasSize(22 + 20);

        List<IngestionRuns.Started> backfills = gaps.backfill(symbol, List.of("synthetic"), from, to,
                LocalDate.of(2024, 4, 2));

        assertThat(backfills).singleElement().satisfies(run ->
                assertThat(run.runId()).isEqualTo("gap-GAPPY-2024-02-01_2024-02-29-2024-04-02"));
        List<StoredEvents.Row> run = awaitFinished(backfills.get(0).runId());
        JsonNode started = run.get(0).payload();
        assertThat(started.get("trigger").asText()).isEqualTo("GAP_BACKFILL");
        assertThat(started.get("from").asText()).isEqualTo("2024-02-01");
        assertThat(started.get("to").asText()).isEqualTo("2024-02-29");
        assertThat(run.get(run.size() - 1).simpleType()).isEqualTo("IngestionRunCompletedEvent");
        Set<LocalDate> after = new TreeSet<>(stored.of(symbol, from, to));
        // Every NYSE trading day now has its bar (the generator knows no holidays, so Presidents Day 2024-02-19
        // came too), and
        // checking again finds nothing to do.
        assertThat(after).containsAll(calendars.of("NYSE", InstrumentType.EQUITY).tradingDays(from, to))
                .hasSize(22 + 21 + 20);
        assertThat(gaps.backfill(symbol, List.of("synthetic"), from, to, LocalDate.of(2024, 4, 2))).isEmpty();
    }

    private void ingest(String runId, LocalDate from, LocalDate to) {
        runs.start(planner.plan(runId, RunTrigger.MANUAL, null, List.of("GAPPY"), from, to, List.of("synthetic")),
                MetaData.from(Map.of(MetadataKeys.PRINCIPAL, "test", MetadataKeys.CORRELATION_ID, runId))).block();
        awaitFinished(runId);
    }

    private List<StoredEvents.Row> awaitFinished(String runId) {
        String id = "ingestion-run/" + runId;
        return store.awaitAll(all -> all.stream().anyMatch(row -> row.aggregateId().equals(id)
                        && row.simpleType().matches("IngestionRun(Completed|Failed)Event"))).stream()
                .filter(row -> row.aggregateId().equals(id)).toList();
    }
}
