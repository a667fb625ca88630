package dev.finflow.command.accounts;

import dev.finflow.command.CommandSideTest;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
@TestPropertySource(properties = "finflow.accounts.snapshot-every=5")
class SnapshotTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cache accountCache;

    @Test
    void snapshotsAnAccountEveryNEventsAndLoadsItBackWithTheSameState() throws InterruptedException {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"snap-1\",\"name\":\"Snap\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isCreated();
        for (int i = 1; i <= 11; i++) {
            assertThat(post("d" + i, "DEPOSIT", "1.10")).isEqualTo(201);
        }

        List<String> snapshots = awaitSnapshots();
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots.get(0)).contains("\"accountId\":\"snap-1\"").contains("\"bookings\"");

        accountCache.removeAll();
        assertThat(post("d1", "DEPOSIT", "1.10")).isEqualTo(200);
        assertThat(post("w1", "WITHDRAWAL", "12.11")).isEqualTo(422);
        assertThat(post("w2", "WITHDRAWAL", "12.10")).isEqualTo(201);
    }

    private List<String> awaitSnapshots() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> snapshots;
        do {
            Thread.sleep(50);
            snapshots = jdbc.queryForList("select payload from events.snapshot_event_entry"
                    + " where aggregate_identifier = 'snap-1' order by sequence_number", String.class);
        } while (snapshots.isEmpty() && System.nanoTime() < deadline);
        return snapshots;
    }

    private int post(String txId, String type, String amount) {
        return http.post().uri("/api/v1/accounts/snap-1/transactions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"transactionId\":\"" + txId + "\",\"type\":\"" + type + "\",\"amount\":" + amount
                        + ",\"currency\":\"EUR\"}")
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
