package dev.finflow.command.instruments.config;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled freshness check finds instruments whose newest bar is older than their calendar expects. */
@CommandSideTest
class FreshnessCheckTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    FreshnessCheck check;

    @Test
    void recordsStalenessOncePerInstrumentBehindItsCalendar() {
        register("OLD");
        register("NEW");
        bars("OLD", "2024-01-05");
        bars("NEW", "2024-01-09");

        // On Wednesday the 10th the newest bar should be Tuesday the 9th's.
        assertThat(check.run(LocalDate.of(2024, 1, 10))).isEqualTo(1);
        assertThat(check.run(LocalDate.of(2024, 1, 10))).isZero();

        List<StoredEvents.Row> stale = store.all().stream()
                .filter(row -> row.simpleType().equals("PricesWentStaleEvent")).toList();
        assertThat(stale).singleElement().satisfies(row -> {
            assertThat(row.aggregateId()).isEqualTo("instrument/OLD");
            assertThat(row.payload().get("newestBar").asText()).isEqualTo("2024-01-05");
            assertThat(row.payload().get("expectedLatest").asText()).isEqualTo("2024-01-09");
            assertThat(row.payload().get("checkedOn").asText()).isEqualTo("2024-01-10");
        });
        // Monday the 15th is a NASDAQ holiday: on the 16th the newest bar should be Friday the 12th's.
        assertThat(check.run(LocalDate.of(2024, 1, 16))).isEqualTo(1);
        assertThat(store.all().stream().filter(row -> row.simpleType().equals("PricesWentStaleEvent")
                && row.aggregateId().equals("instrument/NEW")).findFirst().orElseThrow()
                .payload().get("expectedLatest").asText()).isEqualTo("2024-01-12");
    }

    private void register(String symbol) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"" + symbol + "\",\"type\":\"EQUITY\","
                        + "\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}")
                .exchange().expectStatus().isCreated();
    }

    private void bars(String symbol, String date) {
        http.post().uri("/api/v1/instruments/" + symbol + "/bars").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bars\":[{\"date\":\"" + date + "\",\"open\":10,\"high\":11,\"low\":9,\"close\":10,"
                        + "\"volume\":5}]}")
                .exchange().expectStatus().isCreated();
    }
}
