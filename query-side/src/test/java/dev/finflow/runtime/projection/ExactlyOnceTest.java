package dev.finflow.runtime.projection;

import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event is applied exactly once: delivering a batch again changes no row, a batch that fails half-way
 * (transiently: a serialization failure, which makes no dead letter) leaves nothing behind and is applied once when
 * retried, and stopping between events loses and doubles nothing.
 */
@QuerySideTest
class ExactlyOnceTest {

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    ProjectionProcessors processors;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void deliveringTheSameEventsAgainLeavesEveryTableAsItWas() {
        long last = new LedgerScenario(events).run("x-1", "x-2").last();
        events.awaitAllApplied(catalog, last);
        Map<String, Map<String, String>> before = checksums();

        List<ProjectedEvent> all;
        try (var stream = storage.readEvents(null, false)) {
            all = stream.map(e -> ProjectedEvent.of((TrackedEventMessage<?>) e)).collect(Collectors.toList());
        }
        for (Projection projection : catalog.projections()) {
            List<ProjectedEvent> handled = all.stream()
                    .filter(e -> projection.handles(e.payload().getClass())).toList();
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    projection.apply(handled, catalog.tables(projection.name()), jdbc));
        }

        assertThat(checksums()).isEqualTo(before);
        assertThat(before.get("holdings").get("holding_movement")).doesNotStartWith("0:");
    }

    @Test
    void aBatchThatFailsHalfWayLeavesNothingAndIsAppliedOnceWhenRetried() {
        String history = catalog.tables("holdings").name("holding_history");
        jdbc.execute("create sequence query.injected_failures");
        jdbc.execute("create function query.fail_twice() returns trigger language plpgsql as $$ begin "
                + "if nextval('query.injected_failures') <= 2 then "
                + "raise exception 'injected failure' using errcode = 'serialization_failure'; end if; "
                + "return new; end $$");
        jdbc.execute("create trigger fail_twice before insert on " + history
                + " for each row execute function query.fail_twice()");
        try {
            long last = new LedgerScenario(events).run("y-1", "y-2").last();
            events.awaitAllApplied(catalog, last);

            assertThat(jdbc.queryForObject("select last_value from query.injected_failures", Long.class))
                    .isGreaterThan(2);
            assertThat(current("y-1")).containsExactly("AAPL 6 900.60 78.60", "EUR 8686.20 8686.20 0");
            assertThat(jdbc.queryForObject("select count(*) from " + catalog.tables("holdings")
                    .name("holding_movement") + " where account_id = 'y-1'", Long.class)).isEqualTo(9);
        } finally {
            jdbc.execute("drop trigger fail_twice on " + history);
        }
    }

    @Test
    void stoppingBetweenEventsLosesAndDoublesNothing() {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("z-1", "alice");
        scenario.open("z-2", "alice");
        events.awaitAllApplied(catalog, scenario.last());
        processors.stop();
        long last = scenario.run("z-1", "z-2").last();
        processors.start();
        events.awaitAllApplied(catalog, last);

        assertThat(current("z-1")).containsExactly("AAPL 6 900.60 78.60", "EUR 8686.20 8686.20 0");
        assertThat(jdbc.queryForObject("select count(*) from " + catalog.tables("transactions")
                .name("account_transaction") + " where account_id = 'z-1'", Long.class)).isEqualTo(7);
    }

    private List<String> current(String account) {
        var tables = catalog.tables("holdings");
        return jdbc.queryForList("select k.asset || ' ' || h.quantity || ' ' || h.cost_basis || ' ' || h.realized_pl "
                + "from " + tables.name("holding_key") + " k join " + tables.name("holding_history") + " h on "
                + "h.account_id = k.account_id and h.asset = k.asset and h.effective_date = k.last_date where "
                + "k.account_id = ? order by k.asset", String.class, account);
    }

    private Map<String, Map<String, String>> checksums() {
        return catalog.projections().stream().collect(Collectors.toMap(Projection::name,
                p -> TableChecksums.of(jdbc, catalog.tables(p.name()))));
    }
}
