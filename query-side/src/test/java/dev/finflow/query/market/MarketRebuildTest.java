package dev.finflow.query.market;

import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.PricesWentStaleEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.ProjectionProcessors;
import dev.finflow.runtime.projection.TableSet;
import dev.finflow.runtime.store.TokenPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding each market projection from zero gives exactly the rows the live run built. */
@QuerySideTest
class MarketRebuildTest {

    private static final List<String> MARKET = List.of("bars", "quality", "ingestion-runs");

    @Autowired
    EventAppender appender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    ProjectionProcessors processors;

    @Test
    void rebuildingTheMarketProjectionsGivesTheSameRows() {
        MarketEvents r = new MarketEvents(appender, "RBLD");
        r.register(InstrumentType.EQUITY, "USD", null);
        r.ingest(accepted(bar("2024-07-01", "10", "11", "9", "10.00", 100)),
                flagged(bar("2024-07-02", "10", "11", "9", "10.50", 100), new Finding("jump", "3 sigma")));
        r.quarantine(rejected("2024-07-03", "0", new Finding("non-positive-price", "close 0")));
        r.correct(bar("2024-07-01", "10", "11", "9", "10.00", 100), bar("2024-07-01", "10", "11", "9", "10.10", 90),
                Verdict.ACCEPTED);
        r.split("2024-07-02", "4", "1");
        r.dividend("2024-07-02", "0.10", "USD");
        r.append(new PricesWentStaleEvent(new Symbol("RBLD"), LocalDate.parse("2024-07-02"),
                LocalDate.parse("2024-07-05"), LocalDate.parse("2024-07-06")));
        run(new IngestionRunStartedEvent("rb", RunTrigger.GAP_BACKFILL, null, List.of(new Symbol("RBLD")),
                LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-03"), List.of("csv")));
        run(new IngestionAttemptFailedEvent("rb", new Symbol("RBLD"), "csv", 1, "truncated body", NextStep.RETRY));
        run(new IngestionRunProgressedEvent("rb", new Symbol("RBLD"), "csv", 3, 1, 1, 1, 0, 0));
        long last = run(new IngestionRunCompletedEvent("rb", 1, 3));

        EventAppender.await(() -> MARKET.stream().allMatch(name -> applied(name) >= last));
        Map<String, List<Map<String, Object>>> live = snapshot();
        assertThat(live.get("bar")).hasSize(2);
        assertThat(live.get("quality_issue")).hasSize(3);
        assertThat(live.get("ingestion_attempt")).hasSize(1);

        MARKET.forEach(name -> processors.rebuild(name, true));
        EventAppender.await(() -> MARKET.stream().allMatch(name -> catalog.tables(name).version() == 2));

        assertThat(snapshot()).isEqualTo(live);
    }

    private long run(Object event) {
        return appender.append("IngestionRun", "ingestion-run/rb", event, "scheduler", "c-rb");
    }

    private long applied(String projection) {
        return TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry where "
                + "processor_name = ?", String.class, catalog.tables(projection).processorName()));
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String projection : MARKET) {
            TableSet tables = catalog.tables(projection);
            for (String table : tables.bases()) {
                rows.put(table, jdbc.queryForList("select * from " + tables.name(table) + " order by 1, 2, 3"));
            }
        }
        return rows;
    }
}
