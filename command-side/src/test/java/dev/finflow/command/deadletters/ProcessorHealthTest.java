package dev.finflow.command.deadletters;

import dev.finflow.command.CommandSideTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that makes no progress while events wait (here it cannot store its token: another transaction holds
 * the row) turns readiness DOWN after the stall timeout, shows {@code stalled} in the admin API and the gauge, and
 * comes back UP once it has gone past the waiting events. A process that is caught up is never stalled.
 */
@CommandSideTest
@TestPropertySource(properties = "finflow.processors.stall-timeout=3s")
class ProcessorHealthTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Map<String, HealthIndicator> health;
    @Autowired
    MeterRegistry meters;

    @Test
    void aProcessThatMakesNoProgressWhileEventsWaitTurnsReadinessDownUntilItCatchesUp() throws Exception {
        register("STL");
        await(() -> statuses().size() == 2 && statuses().stream().allMatch(p -> position(p) == head()));
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("select * from command.token_entry where processor_name = 'split-distribution' "
                        + "for update");
            }
            register("STM");
            long waiting = head();

            await(() -> stalled("split-distribution"));
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            assertThat(health.get("processors").health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.get("processors").health().getDetails())
                    .containsEntry("stalled", List.of("split-distribution"));
            Map<String, Object> split = status("split-distribution");
            assertThat(split).containsEntry("state", "LIVE").containsEntry("deadLetters", 0);
            assertThat(((Number) split.get("head")).longValue()).isEqualTo(waiting);
            assertThat(position(split)).isLessThan(waiting);
            assertThat(status("transfer-process")).containsEntry("stalled", false);
            assertThat(meters.get("finflow.processor.stalled").tag("projection", "split-distribution").gauge()
                    .value()).isEqualTo(1.0);
            blocker.rollback();
        }

        long head = head();
        await(() -> statuses().stream().allMatch(p -> position(p) == head && p.get("stalled").equals(false)));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(meters.get("finflow.processor.stalled").tag("projection", "split-distribution").gauge()
                .value()).isZero();
    }

    private boolean stalled(String processor) {
        return status(processor).get("stalled").equals(true);
    }

    private Map<String, Object> status(String processor) {
        return statuses().stream().filter(p -> p.get("name").equals(processor)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> statuses() {
        return http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private static long position(Map<String, Object> status) {
        return ((Number) status.get("position")).longValue();
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
    }

    private void register(String symbol) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"Test\",\"type\":\"EQUITY\","
                        + "\"currency\":\"EUR\",\"exchange\":\"XETRA\"}")
                .exchange().expectStatus().isCreated();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
