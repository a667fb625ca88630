package dev.finflow.command.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An Instrument snapshot holds its bar book and splits, and an instrument loaded from it judges bars the same. */
@CommandSideTest
@TestPropertySource(properties = "finflow.instruments.snapshot-every=3")
class InstrumentSnapshotTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cache instrumentCache;

    @Test
    void snapshotsTheBarBookAndLoadsItBackWithTheSameVerdicts() throws InterruptedException {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"SNAP\",\"name\":\"Snap\",\"type\":\"EQUITY\",\"currency\":\"USD\"}")
                .exchange().expectStatus().isCreated();
        post("/splits", "{\"effectiveDate\":\"2024-01-08\",\"numerator\":2,\"denominator\":1}", 201);
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 4; i++) {
            post("/bars", bars(day.plusDays(i), i % 2 == 0 ? "100" : "101"), 201);
        }

        List<String> snapshots = awaitSnapshot();
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots.get(0)).contains("\"book\"").contains("2024-01-08");

        // Only the snapshot can bring the older state back now (the event it ends with stays: a repeat's answer
        // names the position of the instrument's last event).
        Long snapshotSequence = jdbc.queryForObject("select max(sequence_number) from events.snapshot_event_entry"
                + " where aggregate_identifier = 'instrument/SNAP'", Long.class);
        jdbc.update("delete from events.domain_event_entry where aggregate_identifier = 'instrument/SNAP'"
                + " and sequence_number < ?", snapshotSequence);
        instrumentCache.removeAll();
        assertThat(post("/bars", bars(day.plusDays(3), "101"), 200).get("duplicates").asInt()).isEqualTo(1);
        // The split restored from the snapshot explains the halving on its date: accepted, not a jump.
        JsonNode afterSplit = post("/bars", bars(LocalDate.of(2024, 1, 8), "50.5"), 201);
        assertThat(afterSplit.get("accepted").asInt()).isEqualTo(1);
        assertThat(post("/bars", bars(LocalDate.of(2024, 1, 9), "5050"), 201).get("rejected").asInt())
                .isEqualTo(1);
    }

    private static String bars(LocalDate date, String close) {
        return "{\"bars\":[{\"date\":\"" + date + "\",\"open\":" + close + ",\"high\":" + close + ",\"low\":" + close
                + ",\"close\":" + close + ",\"volume\":" + date.getDayOfMonth() + "}]}";
    }

    private List<String> awaitSnapshot() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> snapshots;
        do {
            Thread.sleep(100);
            snapshots = jdbc.queryForList("select payload from events.snapshot_event_entry"
                    + " where aggregate_identifier = 'instrument/SNAP' order by sequence_number desc", String.class);
        } while (snapshots.isEmpty() && System.nanoTime() < deadline);
        return snapshots;
    }

    private JsonNode post(String path, String body, int status) {
        byte[] answer = http.post().uri("/api/v1/instruments/SNAP" + path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody();
        return StoredEvents.parse(new String(answer, StandardCharsets.UTF_8));
    }
}
