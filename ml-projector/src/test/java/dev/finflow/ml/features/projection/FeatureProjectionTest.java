package dev.finflow.ml.features.projection;

import dev.finflow.ml.features.PricePoint;
import dev.finflow.ml.features.FeatureCalculator;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MlTest
class FeatureProjectionTest {

    @Autowired
    FeatureTable table;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void backfillAndCorrectionRecomputeExactlyTheRowsTheyTouchAndEqualARebuild() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        List<Bar> bars = new ArrayList<>(MarketEvents.realBars("TSLA"));
        // The newest year first, then the older history backfilled behind it.
        events.ingest("TSLA", bars.subList(500, bars.size()));
        events.ingest("TSLA", bars.subList(0, 500));
        events.awaitProjected();
        assertThat(table.rows("TSLA")).hasSize(bars.size());
        List<FeatureRow> beforeCorrection = table.rows("TSLA");

        Bar previous = bars.get(400);
        Bar corrected = MarketEvents.bar(previous.date(), previous.close().multiply(new BigDecimal("1.03")),
                previous.volume());
        bars.set(400, corrected);
        events.correct("TSLA", previous, corrected);
        events.awaitProjected();

        List<FeatureRow> live = table.rows("TSLA");
        List<FeatureRow> rebuilt = FeatureCalculator.compute("TSLA", bars.stream()
                .map(b -> new PricePoint(b.date(), b.close().doubleValue(), b.volume(), 1)).toList());
        assertThat(live).hasSameSizeAs(rebuilt);
        for (int i = 0; i < live.size(); i++) {
            assertThat(live.get(i).sameFeaturesAs(rebuilt.get(i))).as("row %s", live.get(i).date()).isTrue();
        }
        long correction = jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
        // Rows before the corrected day are untouched rows of the earlier events; from it on, all were rewritten.
        assertThat(live.subList(0, 400)).isEqualTo(beforeCorrection.subList(0, 400));
        assertThat(live.subList(400, live.size())).allSatisfy(r -> assertThat(r.position()).isEqualTo(correction));
        assertThat(live.get(400).close()).isNotEqualTo(beforeCorrection.get(400).close());
    }

    @Test
    void quarantinedBarsNeverReachTheFeatures() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        events.ingest("GOOGL", MarketEvents.realBars("GOOGL").subList(0, 30));
        events.append("GOOGL", new BarsQuarantinedEvent(new Symbol("GOOGL"), "run-9", "test", List.of(
                new QuarantinedBar(new RawBar("2016-01-04", "1", "1", "1", "-5", null, "10"), List.of()))));
        events.awaitProjected();
        assertThat(table.rows("GOOGL")).hasSize(30)
                .noneSatisfy(r -> assertThat(r.date()).hasToString("2016-01-04"));
    }
}
