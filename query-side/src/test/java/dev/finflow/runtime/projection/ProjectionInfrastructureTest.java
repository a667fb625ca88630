package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.values.AccountId;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** Each projection runs as its own processor with its own token, and its rows and token move together. */
@QuerySideTest
class ProjectionInfrastructureTest {

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthAndPerProjectionLagThroughputAndRebuildMetrics() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        EventAppender.await(() -> prometheus().contains("finflow_projection_lag_events{"));
        assertThat(prometheus())
                .contains("finflow_projection_lag_events{application=\"query-side\",projection=\"holdings\"}")
                .contains("finflow_projection_lag_seconds{")
                .contains("finflow_projection_events_applied_total{")
                .contains("finflow_projection_rebuild_events_done{")
                .contains("finflow_projection_rebuild_events_per_second{");
        http.get().uri("/api/v1/admin/projections").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'holdings')].state").isEqualTo(java.util.List.of("LIVE"));
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    @Test
    void everyProjectionHasItsOwnTokenThatReachesTheLastAppliedEvent() {
        long first = events.append("Account", "infra-1", opened("infra-1"), "alice", "c-1");
        long second = events.append("Account", "infra-2", opened("infra-2"), "bob", "c-2");

        String audit = catalog.tables("audit").name("audit_event");
        EventAppender.await(() -> count("select count(*) from " + audit) == 2);
        EventAppender.await(() -> catalog.projections().stream().allMatch(p -> applied(p.name()) >= second));

        assertThat(jdbc.queryForList("select principal from " + audit + " order by position", String.class))
                .containsExactly("alice", "bob");
        assertThat(jdbc.queryForList("select position from " + audit + " order by position", Long.class))
                .containsExactly(first, second);
        assertThat(jdbc.queryForList("select distinct processor_name from query.token_entry order by 1",
                String.class)).contains("audit@v1");
    }

    private long applied(String projection) {
        return TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry where "
                + "processor_name = ?", String.class, catalog.tables(projection).processorName()));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    static AccountOpenedEvent opened(String id) {
        return new AccountOpenedEvent(new AccountId(id), "Main", Currency.getInstance("EUR"), BigDecimal.ZERO,
                LocalDate.of(2024, 1, 2));
    }
}
