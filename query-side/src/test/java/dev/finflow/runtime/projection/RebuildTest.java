package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.TokenPositions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.Json;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.trade;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding beside live: a fresh copy is built from the first event while events keep arriving and the live copy
 * keeps serving; it ends with exactly the live rows and then replaces the live copy in one step.
 */
@QuerySideTest
class RebuildTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;

    @Test
    void aRebuildUnderConcurrentWritesEndsEqualToLiveAndThenReplacesIt() throws Exception {
        new LedgerScenario(events).run("r-1", "r-2");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                write(written.getAndIncrement());
            }
        });
        writer.start();
        EventAppender.await(() -> written.get() > 40);
        List<String> names = catalog.projections().stream().map(Projection::name).toList();
        java.util.Map<String, Integer> live = new java.util.HashMap<>();
        for (String name : names) {
            live.put(name, active(name));
            http.post().uri("/api/v1/admin/projections/{name}/rebuild?swap=manual", name).exchange()
                    .expectStatus().isAccepted().expectBody().jsonPath("$.buildingVersion")
                    .isEqualTo(live.get(name) + 1);
        }
        JsonNode during = statuses();
        assertThat(during.findValuesAsText("state")).containsOnly("REBUILDING");
        int before = written.get();
        EventAppender.await(() -> written.get() > before + 40);
        writing.set(false);
        writer.join();

        long head = jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
        for (String name : names) {
            int old = live.get(name);
            EventAppender.await(() -> applied(name, old) >= head && applied(name, old + 1) >= head);
            assertThat(TableChecksums.of(jdbc, catalog.tableSet(name, old + 1)).values())
                    .as("rebuilt %s equals live", name)
                    .containsExactlyElementsOf(TableChecksums.of(jdbc, catalog.tableSet(name, old)).values());
        }
        String served = holdings("r-1");

        for (String name : names) {
            http.post().uri("/api/v1/admin/projections/{name}/swap", name).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.activeVersion").isEqualTo(live.get(name) + 1)
                    .jsonPath("$.state").isEqualTo("LIVE");
            assertThat(catalog.indexesComplete(catalog.tableSet(name, live.get(name) + 1))).as(name).isTrue();
        }
        assertThat(holdings("r-1")).isEqualTo(served).contains("8686.20");
        String oldHistory = catalog.tableSet("holdings", live.get("holdings")).name("holding_history");
        EventAppender.await(() -> jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, oldHistory));
        for (String name : names) {
            // The replaced version's tables and token go once its grace period is over.
            EventAppender.await(() -> jdbc.queryForList("select distinct processor_name from query.token_entry "
                    + "where processor_name like ?", String.class, name + "@%")
                    .equals(List.of(name + "@v" + (live.get(name) + 1))));
        }
    }

    @Test
    void anAutomaticRebuildSwapsItselfInOnceCaughtUp() {
        LedgerScenario scenario = new LedgerScenario(events).run("s-1", "s-2");
        EventAppender.await(() -> applied("holdings", active("holdings")) >= scenario.last());
        int version = active("holdings");

        http.post().uri("/api/v1/admin/projections/holdings/rebuild").exchange().expectStatus().isAccepted();

        EventAppender.await(() -> active("holdings") == version + 1);
        assertThat(holdings("s-1")).contains("8686.20").contains("78.60");
        http.post().uri("/api/v1/admin/projections/nothing/rebuild").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/projection-not-found");
    }

    @Test
    void aSecondSwapWithinTheGraceDropsTheVersionTheFirstRetired() {
        LedgerScenario scenario = new LedgerScenario(events).run("g-1", "g-2");
        EventAppender.await(() -> applied("holdings", active("holdings")) >= scenario.last());
        int first = active("holdings");
        assertThat(catalog.swap("holdings", catalog.startRebuild("holdings", scenario.last(), false))).isTrue();
        // Still in its grace (the test's is 1 s): the reconciliation must not drop it first.
        jdbc.update("update query.projection_version set retired_at = now() + interval '1 hour' where name = ?",
                "holdings");
        assertThat(holdingTables(first)).hasSize(5);

        int third = catalog.startRebuild("holdings", scenario.last(), false);
        assertThat(catalog.swap("holdings", third)).isTrue();

        assertThat(holdingTables(first)).isEmpty();
        assertThat(holdingTables(first + 1)).hasSize(5);
        assertThat(jdbc.queryForObject("select retired_version from query.projection_version where name = ?",
                Integer.class, "holdings")).isEqualTo(first + 1);
        jdbc.update("update query.projection_version set retired_at = now() where name = ?", "holdings");
        EventAppender.await(() -> applied("holdings", third) >= scenario.last() && holdingTables(first + 1).isEmpty());
        assertThat(holdings("g-1")).contains("8686.20");
    }

    @Test
    void tablesOfAVersionTheCatalogNoLongerNamesAreDroppedAtStart() {
        for (String base : catalog.projection("holdings").orElseThrow().tables()) {
            jdbc.execute("create table query." + base + "_v97 (like query." + base + "_template including all)");
        }
        int active = active("holdings");

        catalog.initialise();

        assertThat(holdingTables(97)).isEmpty();
        assertThat(holdingTables(active)).hasSize(5);
    }

    private List<String> holdingTables(int version) {
        return jdbc.queryForList("select tablename from pg_tables where schemaname = 'query' and tablename ~ ?",
                String.class, "^holding_[a-z]+_v" + version + "$");
    }

    private void write(int i) {
        String account = "w-" + (i % 5);
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i / 5);
        if (i < 5) {
            new LedgerScenario(events).open(account, "writer");
        } else if (i == 60) {
            events.append("Instrument", "instrument/XYZ", new SplitRecordedEvent(new Symbol("XYZ"),
                    day.minusDays(3), new BigDecimal("3"), new BigDecimal("2"), "test"), "feed", "split-" + i);
        } else if (i % 3 == 0) {
            events.append("Account", account, new CashDepositedEvent(id(account), tx("d" + i), eur("100.00"), null,
                    day, null, List.of(cash("100.00"), leg(dev.finflow.events.ledger.LegType.EXTERNAL, "EUR",
                    "-100.00"))), "writer", "c-" + i);
        } else if (i % 7 == 0) {
            // Backdated: recorded now, effective a month earlier, so the holding's history is recomputed.
            events.append("Account", account, trade(account, "b" + i, TradeSide.BUY, "XYZ", "1", "9",
                    day.minusDays(30).toString(), "9.00"), "writer", "c-" + i);
        } else if (i % 4 == 0) {
            events.append("Account", account, trade(account, "s" + i, TradeSide.SELL, "XYZ", "1", "12",
                    day.toString(), "12.00"), "writer", "c-" + i);
        } else {
            events.append("Account", account, trade(account, "b" + i, TradeSide.BUY, "XYZ", "2", "10.5",
                    day.toString(), "21.00"), "writer", "c-" + i);
        }
    }

    private String holdings(String account) {
        return new String(http.get().uri("/api/v1/accounts/{id}/holdings", account).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private JsonNode statuses() {
        return Json.parse(http.get().uri("/api/v1/admin/projections").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
    }

    int active(String name) {
        return jdbc.queryForObject("select active_version from query.projection_version where name = ?",
                Integer.class, name);
    }

    long applied(String name, int version) {
        return TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry where "
                + "processor_name = ?", String.class, TableSet.processorName(name, version)));
    }
}
