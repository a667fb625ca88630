package dev.finflow.query.market;

import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market projections' own guards, beneath the token transaction: applying events that were applied before
 * (a redelivery) writes nothing, so counters, revisions and runs stay as they were.
 */
@QuerySideTest
class MarketRedeliveryTest {

    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void applyingEventsASecondTimeChangesNoRow() {
        Symbol symbol = new Symbol("REDO");
        List<ProjectedEvent> events = List.of(
                event(1, "instrument/REDO", new BarsIngestedEvent(symbol, "r", "test", List.of(
                        accepted(bar("2024-08-01", "1", "1", "1", "1.00", 1)),
                        flagged(bar("2024-08-02", "1", "1", "1", "1.10", 1), new Finding("jump", "j"))))),
                event(2, "instrument/REDO", new BarCorrectedEvent(symbol, "r", "test",
                        bar("2024-08-01", "1", "1", "1", "1.00", 1), bar("2024-08-01", "1", "1", "1", "1.05", 1),
                        Verdict.ACCEPTED, List.of(), "revised")),
                event(3, "instrument/REDO", new BarsQuarantinedEvent(symbol, "r", "test",
                        List.of(rejected("2024-08-03", "0", new Finding("non-positive-price", "0"))))),
                event(4, "ingestion-run/r", new IngestionRunStartedEvent("r", RunTrigger.MANUAL, null,
                        List.of(symbol), LocalDate.parse("2024-08-01"), LocalDate.parse("2024-08-03"),
                        List.of("test"))),
                event(5, "ingestion-run/r", new IngestionAttemptFailedEvent("r", symbol, "test", 1, "500",
                        NextStep.RETRY)),
                event(6, "ingestion-run/r", new IngestionRunProgressedEvent("r", symbol, "test", 3, 1, 1, 1, 0, 1)));

        for (String name : List.of("bars", "quality", "ingestion-runs")) {
            Projection projection = catalog.projection(name).orElseThrow();
            TableSet tables = new TableSet(name, 90, projection.tables());
            tables.bases().forEach(base -> jdbc.execute("create table " + tables.name(base) + " (like "
                    + TableSet.SCHEMA + "." + base + "_template including all)"));
            List<ProjectedEvent> handled = events.stream()
                    .filter(event -> projection.handles(event.payload().getClass())).toList();

            projection.apply(handled, tables, jdbc);
            Map<String, List<Map<String, Object>>> once = rows(tables);
            projection.apply(handled, tables, jdbc);
            projection.apply(handled.subList(1, handled.size()), tables, jdbc);

            assertThat(rows(tables)).as(name).isEqualTo(once);
            assertThat(once.values().stream().mapToInt(List::size).sum()).as(name).isPositive();
        }
        assertThat(jdbc.queryForObject("select revision from query.bar_v90 where bar_date = '2024-08-01'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select bars from query.quality_count_v90 where rule = '' and"
                + " verdict = 'ACCEPTED'", Long.class)).isEqualTo(2);
    }

    private Map<String, List<Map<String, Object>>> rows(TableSet tables) {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String base : tables.bases()) {
            rows.put(base, new ArrayList<>(jdbc.queryForList("select * from " + tables.name(base)
                    + " order by 1, 2, 3")));
        }
        return rows;
    }

    private static ProjectedEvent event(long position, String aggregate, Object payload) {
        return new ProjectedEvent(position, "e-" + position, aggregate, position, Instant.parse("2024-08-05T10:00:00Z")
                .plusSeconds(position), payload, Map.of());
    }
}
