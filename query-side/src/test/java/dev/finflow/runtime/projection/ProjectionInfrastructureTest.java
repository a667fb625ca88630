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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

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
    @Autowired
    PlatformTransactionManager transactions;

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

    @Test
    void aRebuildFillsItsTablesWithoutTheIndexesBuiltLastAndReadersGetThemAll() {
        jdbc.execute("create table query.deferred_probe_template (id bigint primary key, a integer, b integer)");
        jdbc.execute("create index deferred_probe_a on query.deferred_probe_template (a, id)");
        jdbc.execute("create index deferred_probe_b on query.deferred_probe_template (b)");
        ProjectionCatalog probes = new ProjectionCatalog(jdbc, new TransactionTemplate(transactions),
                List.of(new Probe()));
        try {
            probes.initialise();
            assertThat(indexes("deferred_probe_v1")).hasSize(3);
            int building = probes.startRebuild("deferred-probe", 0, false);
            TableSet rebuilt = probes.tableSet("deferred-probe", building);
            // The primary key and the index the writes read by stay; the one listed goes until the catch-up ends.
            assertThat(indexes("deferred_probe_v" + building)).hasSize(2)
                    .anyMatch(index -> index.endsWith("(id)")).anyMatch(index -> index.endsWith("(b)"));
            assertThat(probes.indexesComplete(rebuilt)).isFalse();
            probes.completeIndexes(rebuilt);
            assertThat(probes.indexesComplete(rebuilt)).isTrue();
            assertThat(indexes("deferred_probe_v" + building)).anyMatch(index -> index.endsWith("(a, id)"));
        } finally {
            jdbc.update("delete from query.projection_version where name = 'deferred-probe'");
            jdbc.queryForList("select tablename from pg_tables where schemaname = 'query' and tablename like "
                    + "'deferred\\_probe\\_%'", String.class)
                    .forEach(table -> jdbc.execute("drop table query." + table));
        }
    }

    @Test
    void everyIndexAProjectionBuildsLastIsASecondaryIndexOfItsTemplates() {
        for (Projection projection : catalog.projections()) {
            for (String index : projection.indexesBuiltLast()) {
                assertThat(jdbc.queryForList("select not i.indisunique from pg_index i join pg_class c on c.oid = "
                        + "i.indexrelid join pg_class t on t.oid = i.indrelid where c.relname = ? and t.relname = "
                        + "any(?::text[])", Boolean.class, index, projection.tables().stream()
                        .map(table -> table + "_template").toArray(String[]::new)))
                        .as("%s of %s", index, projection.name()).containsExactly(true);
            }
        }
    }

    private List<String> indexes(String table) {
        return jdbc.queryForList("select indexdef from pg_indexes where schemaname = 'query' and tablename = ?",
                String.class, table);
    }

    /** A projection of one table with two secondary indexes, one of them built last. */
    private static final class Probe implements Projection {
        @Override
        public String name() {
            return "deferred-probe";
        }

        @Override
        public List<String> tables() {
            return List.of("deferred_probe");
        }

        @Override
        public List<String> indexesBuiltLast() {
            return List.of("deferred_probe_a");
        }

        @Override
        public boolean handles(Class<?> payloadType) {
            return false;
        }

        @Override
        public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        }
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
