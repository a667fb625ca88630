package dev.finflow.query.verify;

import dev.finflow.query.verify.domain.Verification;
import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.PricesWentStaleEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.ProjectionProcessors;
import dev.finflow.query.verify.domain.Verification.Difference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code verify} reconciles each projection with the store: zero differences when the projection is right, and
 * when it is not, every difference named with its account or symbol, the facts on both sides and the events.
 */
@QuerySideTest
class VerifyTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    ProjectionProcessors processors;

    /** The position of the event that ingested the VRFY bars. */
    private long ingested;

    @Test
    void namesADeletedRowASkippedEventAndAChangedPriceAndListsDeadLetteredEvents() {
        LedgerScenario ledger = new LedgerScenario(events).run("v-1", "v-2");
        long last = market();
        events.awaitAllApplied(catalog, Math.max(last, ledger.last()));
        for (Projection projection : catalog.projections()) {
            Verification clean = verify(projection.name());
            assertThat(clean.differences()).as(projection.name()).isEmpty();
            assertThat(clean.position()).as(projection.name()).isGreaterThanOrEqualTo(last);
            assertThat(clean.checked().facts()).as(projection.name()).isPositive();
            assertThat(clean.deadLettered()).isEmpty();
        }

        long bought = ledger.positions.get("b1");
        jdbc.update("delete from " + catalog.tables("holdings").name("holding_movement")
                + " where position = ? and leg = 0", bought);
        processors.stop();
        long skipped = deposit("v-2", "skipped", "70.00");
        jdbc.update("update query.token_entry set token = regexp_replace(regexp_replace(token, '\"index\":[0-9]+',"
                        + " '\"index\":' || ?), '\"gaps\":\\[[^]]*\\]', '\"gaps\":[]') where processor_name = ?",
                skipped, catalog.tables("monthly-balances").processorName());
        processors.start();
        events.awaitAllApplied(catalog, deposit("v-1", "after", "5.00"));
        jdbc.update("update " + catalog.tables("bars").name("bar") + " set close = close + 1"
                + " where symbol = 'VRFY' and bar_date = '2024-07-02'");

        assertThat(verify("holdings").differences()).containsExactly(new Difference("v-1", "movement",
                "event " + bought + " leg 0", "missing", "AAPL 2024-01-04 quantity 10 amount 1501", null,
                List.of(eventId(bought))));
        assertThat(verify("monthly-balances").differences()).containsExactly(
                new Difference("v-2", "entry", "event " + skipped + " leg 0", "missing", "EUR 2024-03-01 70", null,
                        List.of(eventId(skipped))),
                new Difference("v-2", "flow", "EUR 2024-03-01", "differs", "in 570 out 0", "in 500 out 0",
                        List.of()));
        assertThat(verify("bars").differences()).extracting(Difference::key, Difference::item,
                        Difference::problem, Difference::expected, Difference::found)
                .containsExactly(tuple("VRFY", "2024-07-02", "differs",
                        "close 10.5 event " + ingested, "close 11.5 event " + ingested));
        for (String untouched : List.of("audit", "transactions", "quality", "ingestion-runs")) {
            assertThat(verify(untouched).differences()).as(untouched).isEmpty();
        }

        // The required columns of Axon's JDBC dead-letter table, until the dead-letter migration creates it.
        jdbc.execute("create table if not exists query.dead_letter_entry (dead_letter_id varchar(255) primary key,"
                + " processing_group varchar(255) not null, sequence_identifier varchar(255) not null,"
                + " sequence_index bigint not null, message_type varchar(255) not null,"
                + " event_identifier varchar(255) not null, time_stamp varchar(255) not null,"
                + " payload_type varchar(255) not null, payload bytea not null, enqueued_at varchar(255) not null)");
        jdbc.update("insert into query.dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,"
                + " sequence_index, message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at)"
                + " values ('dl-1', ?, 'v-2', 0, 'DomainEventMessage', ?, now()::text, 'CashDepositedEvent',"
                + " '\\x7b7d', now()::text)", catalog.tables("monthly-balances").processorName(), eventId(skipped));
        Verification deadLettered = verify("monthly-balances");
        assertThat(deadLettered.deadLettered()).containsExactly(eventId(skipped));
        assertThat(deadLettered.differences()).isEmpty();
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        http.get().uri("/api/v1/admin/projections/nope/verify").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/projection-not-found");
    }

    /** Bars, quality and ingestion-run events of one symbol; answers the last position. */
    private long market() {
        MarketEvents m = new MarketEvents(events, "VRFY");
        m.register(InstrumentType.EQUITY, "USD", null);
        ingested = m.ingest(accepted(bar("2024-07-01", "10", "11", "9", "10.00", 100)),
                flagged(bar("2024-07-02", "10", "11", "9", "10.50", 100), new Finding("jump", "3 sigma")));
        m.quarantine(rejected("2024-07-03", "0", new Finding("non-positive-price", "close 0")));
        m.correct(bar("2024-07-01", "10", "11", "9", "10.00", 100), bar("2024-07-01", "10", "11", "9", "10.10", 90),
                Verdict.ACCEPTED);
        m.split("2024-07-02", "4", "1");
        m.dividend("2024-07-02", "0.10", "USD");
        m.append(new PricesWentStaleEvent(new Symbol("VRFY"), LocalDate.parse("2024-07-02"),
                LocalDate.parse("2024-07-05"), LocalDate.parse("2024-07-06")));
        run(new IngestionRunStartedEvent("vr", RunTrigger.GAP_BACKFILL, null, List.of(new Symbol("VRFY")),
                LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-03"), List.of("csv")));
        run(new IngestionAttemptFailedEvent("vr", new Symbol("VRFY"), "csv", 1, "truncated body", NextStep.RETRY));
        run(new IngestionRunProgressedEvent("vr", new Symbol("VRFY"), "csv", 3, 1, 1, 1, 0, 0));
        return run(new IngestionRunCompletedEvent("vr", 1, 3));
    }

    private long run(Object event) {
        return events.append("IngestionRun", "ingestion-run/vr", event, "scheduler", "c-vr");
    }

    private long deposit(String account, String transaction, String amount) {
        return events.append("Account", account, new CashDepositedEvent(id(account), tx(transaction), eur(amount),
                null, day("2024-03-05"), null, List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount))),
                "alice", "corr-" + transaction);
    }

    private Verification verify(String projection) {
        return http.get().uri("/api/v1/admin/projections/{name}/verify", projection).exchange()
                .expectStatus().isOk().expectBody(Verification.class).returnResult().getResponseBody();
    }

    private String eventId(long position) {
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where global_index = ?",
                String.class, position);
    }
}
