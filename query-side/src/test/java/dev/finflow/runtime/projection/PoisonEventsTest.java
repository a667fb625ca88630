package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events already in the store that PostgreSQL text cannot hold (a NUL character, which the command side accepted
 * before input bounds existed) are written straight into the store as legacy data. Their projections store the
 * text escaped, stay LIVE and keep every other account and instrument current.
 */
@QuerySideTest
class PoisonEventsTest {

    private static final String NUL_ESCAPED = "\\u0000";

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    WebTestClient http;

    @Test
    void aNulInAMemoIsStoredEscapedAndTheTransactionsStayLive() {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("nul-1", "alice");
        scenario.open("nul-2", "alice");
        scenario.record("nul-1", "poison", "alice", new CashDepositedEvent(id("nul-1"), tx("poison"),
                eur("10.00"), null, day("2024-01-03"), "rent\u0000march",
                List.of(cash("10.00"), leg(LegType.EXTERNAL, "EUR", "-10.00"))));
        long after = scenario.record("nul-2", "after", "alice", new CashDepositedEvent(id("nul-2"), tx("after"),
                eur("20.00"), null, day("2024-01-04"), "fine",
                List.of(cash("20.00"), leg(LegType.EXTERNAL, "EUR", "-20.00"))));

        awaitLive(after);
        assertThat(jdbc.queryForObject("select memo from " + catalog.tables("transactions").name("account_transaction")
                + " where account_id = 'nul-1'", String.class)).isEqualTo("rent" + NUL_ESCAPED + "march");
        http.get().uri("/api/v1/accounts/nul-1/transactions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].memo").isEqualTo("rent" + NUL_ESCAPED + "march");
        assertThat(jdbc.queryForObject("select count(*) from " + catalog.tables("transactions")
                .name("account_transaction") + " where account_id = 'nul-2'", Long.class)).isEqualTo(1);
    }

    @Test
    void aNulInAnInstrumentNameIsStoredEscapedAndOtherSymbolsStayCurrent() {
        events.append("Instrument", "instrument/NULX", new InstrumentRegisteredEvent(new Symbol("NULX"),
                "Bad\u0000Name Inc.", InstrumentType.EQUITY, Currency.getInstance("USD"), null, "TEST",
                LocalDate.of(2024, 1, 1)), "legacy", "c-nul");
        long after = events.append("Instrument", "instrument/OKAY", new InstrumentRegisteredEvent(new Symbol("OKAY"),
                "Okay Inc.", InstrumentType.EQUITY, Currency.getInstance("USD"), null, "TEST",
                LocalDate.of(2024, 1, 1)), "legacy", "c-ok");

        awaitLive(after);
        assertThat(jdbc.queryForObject("select name from " + catalog.tables("bars").name("instrument")
                + " where symbol = 'NULX'", String.class)).isEqualTo("Bad" + NUL_ESCAPED + "Name Inc.");
        assertThat(jdbc.queryForObject("select name from " + catalog.tables("bars").name("instrument")
                + " where symbol = 'OKAY'", String.class)).isEqualTo("Okay Inc.");
    }

    /** Every projection has applied {@code position} and reports LIVE. */
    private void awaitLive(long position) {
        EventAppender.await(() -> catalog.projections().stream().allMatch(p -> TokenPositions.appliedThrough(
                jdbc.queryForList("select token from query.token_entry where processor_name = ?", String.class,
                        catalog.tables(p.name()).processorName())) >= position));
        http.get().uri("/api/v1/admin/projections").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.state != 'LIVE')]").isEmpty();
    }
}
