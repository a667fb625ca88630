package dev.finflow.command.instruments.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.StoredEvents;
import dev.finflow.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled real data set, imported on first start, gives exactly these events and verdicts. */
@SpringBootTest(properties = "finflow.sample-data.enabled=true")
@FreshDatabase
class SampleDataTest {

    @Autowired
    StoredEvents store;
    @Autowired
    SampleData sampleData;

    @Test
    void importsTheBundledFileWithExactCountsAndOnlyOnce() throws Exception {
        List<StoredEvents.Row> rows = store.all();

        assertThat(rows.stream().filter(r -> r.simpleType().equals("InstrumentRegisteredEvent"))
                .map(r -> r.payload().get("symbol").asText())).containsExactly("AAPL", "TSLA", "COKE", "YHOO", "GOOGL");
        Map<String, Integer> bars = new HashMap<>();
        Map<String, Integer> verdicts = new HashMap<>();
        for (StoredEvents.Row row : rows) {
            if (row.simpleType().equals("BarsIngestedEvent")) {
                bars.merge(row.payload().get("symbol").asText(), row.payload().get("bars").size(), Integer::sum);
                row.payload().get("bars").forEach(bar -> verdicts.merge(bar.get("verdict").asText(), 1, Integer::sum));
                assertThat(row.metaData().get("ingestionRunId").asText()).isEqualTo("sample-data");
            }
        }
        assertThat(bars).containsExactlyInAnyOrderEntriesOf(Map.of("AAPL", 753, "TSLA", 754, "COKE", 754,
                "GOOGL", 754, "YHOO", 619));
        // Real, clean data: every bar passes (the calendar knows the 2015-2017 holidays, no jump reaches the floor).
        assertThat(verdicts).containsExactlyEntriesOf(Map.of("ACCEPTED", 3634));
        assertThat(rows).noneMatch(r -> r.simpleType().equals("BarsQuarantinedEvent")
                || r.simpleType().equals("BarCorrectedEvent") || r.simpleType().equals("SplitRecordedEvent"));

        List<JsonNode> dividends = rows.stream().filter(r -> r.simpleType().equals("CashDividendRecordedEvent"))
                .map(StoredEvents.Row::payload).toList();
        assertThat(dividends).hasSize(23);
        assertThat(dividends.stream().filter(d -> d.get("symbol").asText().equals("AAPL"))).hasSize(11);
        assertThat(dividends).anySatisfy(d -> {
            assertThat(d.get("symbol").asText()).isEqualTo("AAPL");
            assertThat(d.get("exDate").asText()).isEqualTo("2017-08-10");
            assertThat(d.get("amountPerUnit").get("amount").decimalValue()).isEqualByComparingTo("0.63");
        });

        JsonNode aapl = rows.stream().filter(r -> r.simpleType().equals("BarsIngestedEvent")
                && r.payload().get("symbol").asText().equals("AAPL")).findFirst().orElseThrow().payload();
        List<String> dates = StreamSupport.stream(aapl.get("bars").spliterator(), false)
                .map(b -> b.get("bar").get("date").asText()).toList();
        assertThat(dates).startsWith("2015-01-02").endsWith("2017-12-29").contains("2017-08-04", "2017-08-08")
                .doesNotContain("2017-08-07").isSorted();
        JsonNode last = aapl.get("bars").get(752).get("bar");
        assertThat(last.get("close").decimalValue()).isEqualByComparingTo("169.23");
        assertThat(last.get("volume").asLong()).isEqualTo(25643711L);

        long before = store.count();
        sampleData.run(null);
        assertThat(store.count()).isEqualTo(before);
    }
}
