package dev.finflow.query.api;

import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.ProjectionMonitor;
import dev.finflow.testing.EndpointRoleTable;
import dev.finflow.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side keeps its OpenAPI document: it describes exactly the handler mappings of {@code /api} and
 * {@code /bff} (but the relays, whose operations are the other services'), and one real request per documented
 * status of every operation answers that status, with a documented content type, a body valid against the
 * documented schema and, for a refusal, one of the documented problem types.
 */
@QuerySideTest
@TestPropertySource(properties = "finflow.query.read-your-writes.timeout=500ms")
class OpenApiContractTest {

    private static final String ACCOUNT_LIST = "GET /api/v1/accounts";
    private static final String HOLDINGS = "GET /api/v1/accounts/{accountId}/holdings";
    private static final String HOLDINGS_STREAM = "GET /api/v1/accounts/{accountId}/holdings/stream";
    private static final String CHANGES = "GET /api/v1/accounts/{accountId}/changes";
    private static final String BALANCES = "GET /api/v1/accounts/{accountId}/monthly-balances";
    private static final String TRANSACTIONS = "GET /api/v1/accounts/{accountId}/transactions";
    private static final String VALUATION = "GET /api/v1/accounts/{accountId}/valuation";
    private static final String PERFORMANCE = "GET /api/v1/accounts/{accountId}/performance";
    private static final String HOLDING_LINEAGE = "GET /api/v1/lineage/holdings/{accountId}/{asset}";
    private static final String BALANCE_LINEAGE = "GET /api/v1/lineage/monthly-balances/{accountId}/{asset}/{month}";
    private static final String AUDIT = "GET /api/v1/audit/events";
    private static final String INSTRUMENTS = "GET /api/v1/instruments";
    private static final String BARS = "GET /api/v1/instruments/{symbol}/bars";
    private static final String BAR_STREAM = "GET /api/v1/instruments/{symbol}/bars/stream";
    private static final String QUALITY = "GET /api/v1/instruments/{symbol}/quality";
    private static final String ACTIONS = "GET /api/v1/instruments/{symbol}/actions";
    private static final String OVERVIEW = "GET /api/v1/quality";
    private static final String RUNS = "GET /api/v1/ingestion/runs";
    private static final String RUN = "GET /api/v1/ingestion/runs/{runId}";
    private static final String PROJECTIONS = "GET /api/v1/admin/projections";
    private static final String PROJECTION = "GET /api/v1/admin/projections/{name}";
    private static final String VERIFY = "GET /api/v1/admin/projections/{name}/verify";
    private static final String REBUILD = "POST /api/v1/admin/projections/{name}/rebuild";
    private static final String SWAP = "POST /api/v1/admin/projections/{name}/swap";
    private static final String LETTERS = "GET /api/v1/admin/projections/{name}/dead-letters";
    private static final String RETRY = "POST /api/v1/admin/projections/{name}/dead-letters/retry";
    private static final String EVICT = "POST /api/v1/admin/projections/{name}/dead-letters/{eventId}/evict";
    private static final String SESSION = "GET /bff/session";
    private static final String LOGOUT = "POST /bff/logout";

    /** Far beyond any position: a read waiting for it answers 503 projection-behind after the (short) timeout. */
    private static final String AHEAD = "minPosition=999999999";

    @Autowired
    ApplicationContext context;
    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    ProjectionMonitor monitor;
    @LocalServerPort
    int port;

    @Test
    void documentsExactlyTheApiAndSessionHandlerMappingsButTheRelaysAndServesSwaggerUi() {
        Set<String> mappings = new TreeSet<>(OpenApiContract.mappingsUnder(EndpointRoleTable.mappings(context),
                "/api/", "/bff/"));
        mappings.removeIf(mapping -> mapping.endsWith(" /bff/command/**") || mapping.endsWith(" /bff/ml/**"));
        OpenApiContract api = OpenApiContract.of(port);
        assertThat(api.operations()).isEqualTo(mappings);
        assertThat(api.document().at("/info/title").asString()).startsWith("Finflow ");
        api.assertSwaggerUiOpen();
    }

    @Test
    void everyDocumentedStatusIsAnsweredAsDocumented() {
        long last = seed();
        OpenApiContract api = OpenApiContract.of(port);
        api.callSecurityAndMalformedBodies();
        accounts(api, last);
        marketData(api, last);
        admin(api);
        api.call(SESSION, "/bff/session").expect(200);
        api.call(LOGOUT, "/bff/logout").expect(204);
        api.assertKept(Map.of());
    }

    /** A ledger (two accounts), an instrument with an accepted and a flagged bar, and a started ingestion run. */
    private long seed() {
        new LedgerScenario(events).run("q-1", "q-2");
        MarketEvents acme = new MarketEvents(events, "ACME");
        acme.register(InstrumentType.EQUITY, "EUR", null);
        acme.ingest(accepted(bar("2024-01-03", "150", "152", "149", "151", 1000)),
                flagged(bar("2024-01-04", "151", "190", "150", "189", 1000), new Finding("outlier-jump", "+25%")));
        acme.dividend("2024-01-04", "0.50", "EUR");
        return events.append("IngestionRun", "run-q", new IngestionRunStartedEvent("run-q", RunTrigger.MANUAL, null,
                List.of(new Symbol("ACME")), LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"),
                List.of("synthetic")), "ops", "corr-run");
    }

    private static void accounts(OpenApiContract api, long last) {
        api.call(ACCOUNT_LIST, "/api/v1/accounts?minPosition=" + last).expect(200);
        api.call(ACCOUNT_LIST, "/api/v1/accounts?minPosition=x").expect(400);
        api.call(ACCOUNT_LIST, "/api/v1/accounts?" + AHEAD).expect(503);
        api.call(TRANSACTIONS, "/api/v1/accounts/q-1/transactions?newestFirst=maybe").expect(400);
        for (String operation : List.of(HOLDINGS, CHANGES, VALUATION, PERFORMANCE)) {
            String path = operation.substring(4).replace("{accountId}", "q-1");
            api.call(operation, path + "?minPosition=" + last).expect(200);
            api.call(operation, path + "?asOf=yesterday").expect(400);
            api.call(operation, path.replace("q-1", "nope")).expect(404);
            api.call(operation, path + "?" + AHEAD).expect(503);
        }
        for (String operation : List.of(BALANCES, TRANSACTIONS)) {
            String path = operation.substring(4).replace("{accountId}", "q-1");
            api.call(operation, path + "?minPosition=" + last + "&limit=2").expect(200);
            api.call(operation, path + "?limit=0").expect(400);
            api.call(operation, path.replace("q-1", "nope")).expect(404);
            api.call(operation, path + "?" + AHEAD).expect(503);
        }
        api.call(PERFORMANCE, "/api/v1/accounts/q-1/performance?base=USD&minPosition=" + last).expect(200);
        api.call(PERFORMANCE, "/api/v1/accounts/q-1/performance?base=dollars").expect(400);
        api.call(HOLDINGS_STREAM, "/api/v1/accounts/q-1/holdings/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .expect(200);
        api.call(HOLDINGS_STREAM, "/api/v1/accounts/q-1/holdings/stream?minPosition=x").expect(400);
        api.call(HOLDINGS_STREAM, "/api/v1/accounts/nope/holdings/stream").expect(404);
        api.call(HOLDINGS_STREAM, "/api/v1/accounts/q-1/holdings/stream?" + AHEAD).expect(503);

        api.call(HOLDING_LINEAGE, "/api/v1/lineage/holdings/q-1/AAPL").expect(200);
        api.call(HOLDING_LINEAGE, "/api/v1/lineage/holdings/q-1/AAPL?knownAt=noon").expect(400);
        api.call(HOLDING_LINEAGE, "/api/v1/lineage/holdings/nope/AAPL").expect(404);
        api.call(HOLDING_LINEAGE, "/api/v1/lineage/holdings/q-1/AAPL?" + AHEAD).expect(503);
        api.call(BALANCE_LINEAGE, "/api/v1/lineage/monthly-balances/q-1/EUR/2024-01").expect(200);
        api.call(BALANCE_LINEAGE, "/api/v1/lineage/monthly-balances/q-1/EUR/January").expect(400);
        api.call(BALANCE_LINEAGE, "/api/v1/lineage/monthly-balances/nope/EUR/2024-01").expect(404);
        api.call(BALANCE_LINEAGE, "/api/v1/lineage/monthly-balances/q-1/EUR/2024-01?" + AHEAD).expect(503);

        api.call(AUDIT, "/api/v1/audit/events?limit=3").accept(MediaType.APPLICATION_JSON).expect(200);
        api.call(AUDIT, "/api/v1/audit/events?limit=3").accept(MediaType.APPLICATION_NDJSON).expect(200);
        api.call(AUDIT, "/api/v1/audit/events?from=monday").accept(MediaType.APPLICATION_JSON).expect(400);
        api.call(AUDIT, "/api/v1/audit/events?" + AHEAD).accept(MediaType.APPLICATION_JSON).expect(503);
    }

    private static void marketData(OpenApiContract api, long last) {
        api.call(INSTRUMENTS, "/api/v1/instruments?minPosition=" + last).expect(200);
        api.call(INSTRUMENTS, "/api/v1/instruments?limit=many").expect(400);
        api.call(INSTRUMENTS, "/api/v1/instruments?" + AHEAD).expect(503);
        for (String operation : List.of(BARS, QUALITY)) {
            String path = operation.substring(4).replace("{symbol}", "ACME");
            api.call(operation, path + "?minPosition=" + last).expect(200);
            api.call(operation, path + "?cursor=%7Bnot-a-cursor").expect(400);
            api.call(operation, path.replace("ACME", "NOPE")).expect(404);
            api.call(operation, path + "?" + AHEAD).expect(503);
        }
        api.call(ACTIONS, "/api/v1/instruments/ACME/actions?minPosition=" + last).expect(200);
        api.call(ACTIONS, "/api/v1/instruments/ACME/actions?minPosition=x").expect(400);
        api.call(ACTIONS, "/api/v1/instruments/NOPE/actions").expect(404);
        api.call(ACTIONS, "/api/v1/instruments/ACME/actions?" + AHEAD).expect(503);
        api.call(OVERVIEW, "/api/v1/quality?minPosition=" + last + "&limit=1").expect(200);
        api.call(OVERVIEW, "/api/v1/quality?cursor=%7Bnot-a-cursor").expect(400);
        api.call(OVERVIEW, "/api/v1/quality?" + AHEAD).expect(503);
        api.call(BAR_STREAM, "/api/v1/instruments/ACME/bars/stream").accept(MediaType.TEXT_EVENT_STREAM).expect(200);
        api.call(BAR_STREAM, "/api/v1/instruments/ACME/bars/stream").header("Last-Event-ID", "yesterday")
                .expect(400);
        api.call(BAR_STREAM, "/api/v1/instruments/NOPE/bars/stream").expect(404);

        api.call(RUNS, "/api/v1/ingestion/runs?minPosition=" + last).expect(200);
        api.call(RUNS, "/api/v1/ingestion/runs?status=LOST").expect(400);
        api.call(RUNS, "/api/v1/ingestion/runs?" + AHEAD).expect(503);
        api.call(RUN, "/api/v1/ingestion/runs/run-q?minPosition=" + last).expect(200);
        api.call(RUN, "/api/v1/ingestion/runs/run-q?minPosition=-x").expect(400);
        api.call(RUN, "/api/v1/ingestion/runs/nope").expect(404);
        api.call(RUN, "/api/v1/ingestion/runs/run-q?" + AHEAD).expect(503);
    }

    private void admin(OpenApiContract api) {
        api.call(PROJECTIONS, "/api/v1/admin/projections").expect(200);
        api.call(PROJECTION, "/api/v1/admin/projections/holdings").expect(200);
        api.call(PROJECTION, "/api/v1/admin/projections/nothing").expect(404);
        api.call(VERIFY, "/api/v1/admin/projections/holdings/verify").expect(200);
        api.call(VERIFY, "/api/v1/admin/projections/nothing/verify").expect(404);

        api.call(SWAP, "/api/v1/admin/projections/ingestion-runs/swap").expect(409);
        api.call(SWAP, "/api/v1/admin/projections/nothing/swap").expect(404);
        api.call(REBUILD, "/api/v1/admin/projections/ingestion-runs/rebuild?swap=later").expect(400);
        api.call(REBUILD, "/api/v1/admin/projections/nothing/rebuild").expect(404);
        api.call(REBUILD, "/api/v1/admin/projections/ingestion-runs/rebuild?swap=manual").expect(202);
        EventAppender.await(() -> monitor.status("ingestion-runs").map(status -> status.rebuild() != null
                && status.rebuild().eventsDone() >= status.rebuild().eventsTotal()).orElse(false));
        api.call(SWAP, "/api/v1/admin/projections/ingestion-runs/swap").expect(200);

        deadLetters(api);
    }

    /** A deposit the transactions table refuses (a check constraint) is dead-lettered; then it is let through. */
    private void deadLetters(OpenApiContract api) {
        String table = catalog.tables("transactions").name("account_transaction");
        jdbc.execute("alter table " + table + " add constraint no_poison check (memo is distinct from 'poison')");
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("q-dl", "alice");
        scenario.open("q-dl2", "alice");
        scenario.record("q-dl", "q-poison", "alice", deposit("q-dl", "q-poison", "poison"));
        long evicted = scenario.record("q-dl2", "q-evicted", "alice", deposit("q-dl2", "q-evicted", "poison"));
        EventAppender.await(() -> monitor.status("transactions").filter(status -> status.position() >= evicted
                && status.deadLetters() >= 2).isPresent());

        api.call(LETTERS, "/api/v1/admin/projections/transactions/dead-letters").expect(200);
        api.call(LETTERS, "/api/v1/admin/projections/nothing/dead-letters").expect(404);
        api.call(RETRY, "/api/v1/admin/projections/transactions/dead-letters/retry?sequence=q-dl").expect(409);
        api.call(RETRY, "/api/v1/admin/projections/transactions/dead-letters/retry").expect(400);
        api.call(RETRY, "/api/v1/admin/projections/transactions/dead-letters/retry?sequence=none").expect(404);
        api.call(EVICT, "/api/v1/admin/projections/transactions/dead-letters/" + eventId(evicted) + "/evict")
                .expect(200);
        api.call(EVICT, "/api/v1/admin/projections/transactions/dead-letters/nothing/evict").expect(404);
        jdbc.execute("alter table " + table + " drop constraint no_poison");
        api.call(RETRY, "/api/v1/admin/projections/transactions/dead-letters/retry?sequence=q-dl").expect(200);
    }

    private static CashDepositedEvent deposit(String account, String transaction, String memo) {
        return new CashDepositedEvent(id(account), tx(transaction), eur("10.00"), null, day("2024-01-03"), memo,
                List.of(cash("10.00"), leg(LegType.EXTERNAL, "EUR", "-10.00")));
    }

    private String eventId(long position) {
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where global_index = ?",
                String.class, position);
    }
}
