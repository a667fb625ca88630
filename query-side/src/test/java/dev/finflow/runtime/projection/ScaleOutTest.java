package dev.finflow.runtime.projection;

import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideApplication;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-side instances on one database share each projection's segments through Axon's token claims; when
 * one stops, the other claims its segments and goes on, losing nothing.
 */
@QuerySideTest
@TestPropertySource(properties = "finflow.query.instance-id=first")
class ScaleOutTest {

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void twoInstancesSplitTheSegmentsAndOneTakesOverWhenTheOtherStops() {
        // Command-line arguments: they outrank application.yml's ${FINFLOW_DB_URL:} placeholders.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0", "--finflow.query.instance-id=second",
                "--finflow.db.url=" + environment.getProperty("finflow.db.url"),
                "--finflow.db.user=" + environment.getProperty("finflow.db.user"),
                "--finflow.db.password=" + environment.getProperty("finflow.db.password", ""),
                "--finflow.query.projections.poll-interval=10ms",
                "--finflow.query.projections.reconcile-interval=200ms")) {
            EventAppender.await(() -> owners("audit@v1").equals(List.of("first", "second")));
            long last = new LedgerScenario(events).run("so-1", "so-2").last();
            EventAppender.await(() -> audited() == 10);
            // Each processor rebalances on its own schedule; audit's split does not imply transactions' yet.
            EventAppender.await(() -> owners("transactions@v1").equals(List.of("first", "second")));
            assertThat(owners("transactions@v1")).containsExactly("first", "second");
        }
        EventAppender.await(() -> owners("audit@v1").equals(List.of("first", "first")));

        new LedgerScenario(events).run("so-3", "so-4");
        EventAppender.await(() -> audited() == 20);
        EventAppender.await(() -> owners("monthly-balances@v1").equals(List.of("first", "first")));
        assertThat(owners("monthly-balances@v1")).containsExactly("first", "first");
        assertThat(jdbc.queryForObject("select count(distinct position) from query.audit_event_v1", Long.class))
                .isEqualTo(20);
    }

    /** The owner of each segment's claim, by segment. */
    private List<String> owners(String processor) {
        return jdbc.queryForList("select coalesce(owner, '') from query.token_entry where processor_name = ? "
                + "order by owner", String.class, processor);
    }

    private long audited() {
        return jdbc.queryForObject("select count(*) from query.audit_event_v1", Long.class);
    }
}
