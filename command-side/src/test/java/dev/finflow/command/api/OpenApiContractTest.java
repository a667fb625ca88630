package dev.finflow.command.api;

import dev.finflow.command.CommandSideTest;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.EndpointRoleTable;
import dev.finflow.testing.TestTokens;
import dev.finflow.testing.OpenApiContract;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side keeps its OpenAPI document: it describes exactly the handler mappings of {@code /api}, and one
 * real request per documented status of every operation answers that status, with a documented content type, a
 * body valid against the documented schema and, for a refusal, one of the documented problem types. The statuses
 * no request here can produce are named with their reason.
 */
@CommandSideTest
@TestPropertySource(properties = "finflow.instruments.max-body-bytes=65536")
class OpenApiContractTest {

    private static final String ACCOUNTS = "POST /api/v1/accounts";
    private static final String TRANSACTIONS = "POST /api/v1/accounts/{accountId}/transactions";
    private static final String BATCH = "POST /api/v1/accounts/{accountId}/transactions:batch";
    private static final String REVERSAL = "POST /api/v1/accounts/{accountId}/transactions/{transactionId}/reversal";
    private static final String CLOSURE = "POST /api/v1/accounts/{accountId}/closure";
    private static final String GRANT = "POST /api/v1/accounts/{accountId}/grants";
    private static final String REVOKE = "DELETE /api/v1/accounts/{accountId}/grants/{userId}";
    private static final String TRANSFERS = "POST /api/v1/transfers";
    private static final String INSTRUMENTS = "POST /api/v1/instruments";
    private static final String BARS = "POST /api/v1/instruments/{symbol}/bars";
    private static final String SPLITS = "POST /api/v1/instruments/{symbol}/splits";
    private static final String DIVIDENDS = "POST /api/v1/instruments/{symbol}/dividends";
    private static final String CORRECTION = "POST /api/v1/instruments/{symbol}/bars/{date}/correction";
    private static final String RUNS = "POST /api/v1/ingestion/runs";
    private static final String PROCESSORS = "GET /api/v1/admin/processors";
    private static final String LETTERS = "GET /api/v1/admin/processors/{name}/dead-letters";
    private static final String RETRY = "POST /api/v1/admin/processors/{name}/dead-letters/retry";
    private static final String EVICT = "POST /api/v1/admin/processors/{name}/dead-letters/{eventId}/evict";

    private static final String ERASURE = "POST /api/v1/persons/{personId}/erasure";
    private static final String EXPORT = "GET /api/v1/persons/{personId}/export";

    private static final String CONCURRENT = "concurrent-modification: the account or instrument kept changing "
            + "under concurrent commands beyond the retries, which one request cannot bring about";

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void documentsExactlyTheApiHandlerMappingsAndServesSwaggerUi() {
        OpenApiContract api = OpenApiContract.of(port);
        assertThat(api.operations())
                .isEqualTo(OpenApiContract.mappingsUnder(EndpointRoleTable.mappings(context), "/api/"));
        assertThat(api.document().at("/info/title").asString()).startsWith("Finflow ");
        api.assertSwaggerUiOpen();
    }

    @Test
    void everyDocumentedStatusIsAnsweredAsDocumented() {
        OpenApiContract api = OpenApiContract.of(port);
        api.callSecurityAndMalformedBodies();
        accounts(api);
        transactions(api);
        grants(api);
        transfers(api);
        instruments(api);
        ingestionAndProcessors(api);
        processDeadLetters(api);
        persons(api);
        api.assertKept(Map.ofEntries(
                entry(GRANT + " 409", CONCURRENT), entry(REVOKE + " 409", CONCURRENT),
                entry(BARS + " 409", CONCURRENT), entry(CORRECTION + " 409", CONCURRENT),
                entry(RUNS + " 409", "ingestion-run-conflict needs a finished run (IngestionRunsTest)")));
    }

    private static void accounts(OpenApiContract api) {
        String open = "{\"accountId\":\"c-1\",\"name\":\"Contract\",\"currency\":\"EUR\"}";
        api.call(ACCOUNTS, "/api/v1/accounts").body(open).expect(201);
        api.call(ACCOUNTS, "/api/v1/accounts").body(open).expect(200);
        api.call(ACCOUNTS, "/api/v1/accounts").body("{\"currency\":\"EUR\"}").expect(400);
        api.call(ACCOUNTS, "/api/v1/accounts").body(open.replace("Contract", "Other")).expect(409);
        api.call(ACCOUNTS, "/api/v1/accounts").body("{\"accountId\":\"c-2\",\"name\":\"Empty\",\"currency\":\"EUR\"}")
                .expect(201);
        api.call(ACCOUNTS, "/api/v1/accounts").body("{\"accountId\":\"c-3\",\"name\":\"To\",\"currency\":\"EUR\"}")
                .expect(201);

        api.call(CLOSURE, "/api/v1/accounts/c-2/closure").expect(201);
        api.call(CLOSURE, "/api/v1/accounts/c-2/closure").expect(200);
        api.call(CLOSURE, "/api/v1/accounts/c-2/closure").body("{\"date\":\"1800-01-01\"}").expect(400);
        api.call(CLOSURE, "/api/v1/accounts/c-2/closure").body("{\"date\":\"" + LocalDate.now().plusDays(3)
                + "\"}").expect(409);
        api.call(CLOSURE, "/api/v1/accounts/nope/closure").expect(404);
    }

    private static void persons(OpenApiContract api) {
        api.call(EXPORT, "/api/v1/persons/" + TestTokens.DEFAULT_SUBJECT + "/export").as(Role.OWNER).expect(200);
        api.call(EXPORT, "/api/v1/persons/someone-else/export").as(Role.OWNER).expect(403);
        api.call(EXPORT, "/api/v1/persons/not%20an%20id/export").expect(400);
        api.call(ERASURE, "/api/v1/persons/erased-person/erasure").expect(200);
        api.call(ERASURE, "/api/v1/persons/not%20an%20id/erasure").expect(400);
    }

    private static void transactions(OpenApiContract api) {
        String deposit = "{\"transactionId\":\"d-1\",\"type\":\"DEPOSIT\",\"amount\":100,\"currency\":\"EUR\"}";
        api.call(TRANSACTIONS, "/api/v1/accounts/c-1/transactions").body(deposit).expect(201);
        api.call(TRANSACTIONS, "/api/v1/accounts/c-1/transactions").body(deposit).expect(200);
        api.call(TRANSACTIONS, "/api/v1/accounts/c-1/transactions").body(deposit.replace("DEPOSIT", "GIFT"))
                .expect(400);
        api.call(TRANSACTIONS, "/api/v1/accounts/nope/transactions").body(deposit).expect(404);
        api.call(TRANSACTIONS, "/api/v1/accounts/c-1/transactions").body(deposit.replace("100", "101")).expect(409);
        api.call(TRANSACTIONS, "/api/v1/accounts/c-1/transactions").body("{\"transactionId\":\"w-1\",\"type\":"
                + "\"WITHDRAWAL\",\"amount\":1000,\"currency\":\"EUR\"}").expect(422);
        api.call(CLOSURE, "/api/v1/accounts/c-1/closure").expect(422);

        String batch = "{\"transactions\":[{\"transactionId\":\"b-1\",\"type\":\"DEPOSIT\",\"amount\":5,\"currency\":"
                + "\"EUR\"},{\"transactionId\":\"b-2\",\"type\":\"DEPOSIT\",\"amount\":7,\"currency\":\"EUR\"}]}";
        api.call(BATCH, "/api/v1/accounts/c-1/transactions:batch").body(batch).expect(201);
        api.call(BATCH, "/api/v1/accounts/c-1/transactions:batch").body(batch).expect(200);
        api.call(BATCH, "/api/v1/accounts/c-1/transactions:batch").body("{\"transactions\":[]}").expect(400);
        api.call(BATCH, "/api/v1/accounts/nope/transactions:batch").body(batch).expect(404);
        api.call(BATCH, "/api/v1/accounts/c-1/transactions:batch").body(batch.replace("\"amount\":7", "\"amount\":8"))
                .expect(409);
        api.call(BATCH, "/api/v1/accounts/c-1/transactions:batch").body("{\"transactions\":[{\"transactionId\":"
                + "\"w-2\",\"type\":\"WITHDRAWAL\",\"amount\":1000,\"currency\":\"EUR\"}]}").expect(422);

        String reversal = "{\"transactionId\":\"r-1\",\"reason\":\"booked twice\"}";
        api.call(REVERSAL, "/api/v1/accounts/c-1/transactions/b-2/reversal").body(reversal).expect(201);
        api.call(REVERSAL, "/api/v1/accounts/c-1/transactions/b-2/reversal").body(reversal).expect(200);
        api.call(REVERSAL, "/api/v1/accounts/c-1/transactions/b-2/reversal").body("{\"reason\":\"x\"}").expect(400);
        api.call(REVERSAL, "/api/v1/accounts/nope/transactions/b-2/reversal").body(reversal).expect(404);
        api.call(REVERSAL, "/api/v1/accounts/c-1/transactions/b-2/reversal").body(reversal.replace("twice", "thrice"))
                .expect(409);
        api.call(REVERSAL, "/api/v1/accounts/c-1/transactions/unknown/reversal")
                .body("{\"transactionId\":\"r-2\",\"reason\":\"x\"}").expect(422);
    }

    private static void grants(OpenApiContract api) {
        String grant = "{\"userId\":\"user-7\",\"level\":\"VIEWER\"}";
        api.call(GRANT, "/api/v1/accounts/c-1/grants").body(grant).expect(201);
        api.call(GRANT, "/api/v1/accounts/c-1/grants").body(grant).expect(200);
        api.call(GRANT, "/api/v1/accounts/c-1/grants").body(grant.replace("VIEWER", "READER")).expect(400);
        api.call(GRANT, "/api/v1/accounts/nope/grants").body(grant).expect(404);

        api.call(REVOKE, "/api/v1/accounts/c-1/grants/user-7").expect(200);
        api.call(REVOKE, "/api/v1/accounts/c-1/grants/a!b").expect(400);
        api.call(REVOKE, "/api/v1/accounts/nope/grants/user-7").expect(404);
        api.call(REVOKE, "/api/v1/accounts/c-1/grants/test-user").expect(422);
    }

    private static void transfers(OpenApiContract api) {
        String transfer = "{\"transferId\":\"t-1\",\"fromAccountId\":\"c-1\",\"toAccountId\":\"c-3\",\"amount\":10,"
                + "\"currency\":\"EUR\"}";
        api.call(TRANSFERS, "/api/v1/transfers").body(transfer).expect(202);
        api.call(TRANSFERS, "/api/v1/transfers").body(transfer).expect(200);
        api.call(TRANSFERS, "/api/v1/transfers").body("{\"transferId\":\"t-2\"}").expect(400);
        api.call(TRANSFERS, "/api/v1/transfers").body(transfer.replace("\"c-1\"", "\"nope\"")).expect(404);
        api.call(TRANSFERS, "/api/v1/transfers").body(transfer.replace("10,", "11,")).expect(409);
        api.call(TRANSFERS, "/api/v1/transfers").body(transfer.replace("t-1", "t-3").replace("c-3", "c-1"))
                .expect(422);
    }

    private static void instruments(OpenApiContract api) {
        String register = "{\"symbol\":\"ACME\",\"name\":\"Acme\",\"type\":\"EQUITY\",\"currency\":\"USD\"}";
        api.call(INSTRUMENTS, "/api/v1/instruments").body(register).expect(201);
        api.call(INSTRUMENTS, "/api/v1/instruments").body(register).expect(200);
        api.call(INSTRUMENTS, "/api/v1/instruments").body(register.replace("EQUITY", "BOND")).expect(400);
        api.call(INSTRUMENTS, "/api/v1/instruments").body(register.replace("Acme", "Acme Two")).expect(409);

        String bars = "{\"bars\":[{\"date\":\"2024-01-02\",\"open\":\"10\",\"high\":\"11\",\"low\":\"9.5\","
                + "\"close\":\"10.5\",\"volume\":\"1000\"}]}";
        api.call(BARS, "/api/v1/instruments/ACME/bars").body(bars).expect(201);
        api.call(BARS, "/api/v1/instruments/ACME/bars").body(bars).expect(200);
        api.call(BARS, "/api/v1/instruments/ACME/bars").body(MediaType.parseMediaType("text/csv"), "not,a\ncsv")
                .expect(400);
        api.call(BARS, "/api/v1/instruments/NOPE/bars").body(bars).expect(404);
        api.call(BARS, "/api/v1/instruments/ACME/bars").body("{\"bars\":[" + "{\"date\":\"2024-01-03\"},".repeat(5000)
                + "{}]}").expect(413);

        String correction = "{\"open\":\"10\",\"high\":\"12\",\"low\":\"9.5\",\"close\":\"11\",\"volume\":\"1000\","
                + "\"reason\":\"wrong close\"}";
        api.call(CORRECTION, "/api/v1/instruments/ACME/bars/2024-01-02/correction").body(correction).expect(201);
        api.call(CORRECTION, "/api/v1/instruments/ACME/bars/2024-01-02/correction").body(correction).expect(200);
        api.call(CORRECTION, "/api/v1/instruments/ACME/bars/2024-13-02/correction").body(correction).expect(400);
        api.call(CORRECTION, "/api/v1/instruments/ACME/bars/2024-01-09/correction").body(correction).expect(404);
        api.call(CORRECTION, "/api/v1/instruments/ACME/bars/2024-01-02/correction")
                .body(correction.replace("\"12\"", "\"8\"")).expect(422);

        String split = "{\"effectiveDate\":\"2024-06-10\",\"numerator\":2,\"denominator\":1}";
        api.call(SPLITS, "/api/v1/instruments/ACME/splits").body(split).expect(201);
        api.call(SPLITS, "/api/v1/instruments/ACME/splits").body(split).expect(200);
        api.call(SPLITS, "/api/v1/instruments/ACME/splits").body(split.replace(":2", ":20000")).expect(400);
        api.call(SPLITS, "/api/v1/instruments/NOPE/splits").body(split).expect(404);
        api.call(SPLITS, "/api/v1/instruments/ACME/splits").body(split.replace(":2", ":3")).expect(409);

        String dividend = "{\"exDate\":\"2024-03-15\",\"amount\":0.24,\"currency\":\"USD\"}";
        api.call(DIVIDENDS, "/api/v1/instruments/ACME/dividends").body(dividend).expect(201);
        api.call(DIVIDENDS, "/api/v1/instruments/ACME/dividends").body(dividend).expect(200);
        api.call(DIVIDENDS, "/api/v1/instruments/ACME/dividends").body("{\"exDate\":\"2024-03-15\"}").expect(400);
        api.call(DIVIDENDS, "/api/v1/instruments/NOPE/dividends").body(dividend).expect(404);
        api.call(DIVIDENDS, "/api/v1/instruments/ACME/dividends").body(dividend.replace("0.24", "0.25")).expect(409);
    }

    private static void ingestionAndProcessors(OpenApiContract api) {
        api.call(RUNS, "/api/v1/ingestion/runs").body("{\"runId\":\"run-c\",\"symbols\":[\"ACME\"],\"from\":"
                + "\"2024-01-02\",\"to\":\"2024-01-03\",\"providers\":[\"synthetic\"]}").expect(202);
        api.call(RUNS, "/api/v1/ingestion/runs").body("{\"symbols\":[\"ACME\"],\"from\":\"2024-01-05\",\"to\":"
                + "\"2024-01-02\"}").expect(400);

        api.call(PROCESSORS, "/api/v1/admin/processors").expect(200);
        api.call(LETTERS, "/api/v1/admin/processors/transfer-process/dead-letters").expect(200);
        api.call(LETTERS, "/api/v1/admin/processors/nothing/dead-letters").expect(404);
        api.call(RETRY, "/api/v1/admin/processors/transfer-process/dead-letters/retry").expect(400);
        api.call(RETRY, "/api/v1/admin/processors/nothing/dead-letters/retry?sequence=a").expect(404);
        api.call(EVICT, "/api/v1/admin/processors/nothing/dead-letters/e-1/evict").expect(404);
    }

    /**
     * Purchases of ACME (split on 2024-06-10) stored for accounts never opened, as an old version could have: the
     * split distribution cannot apply the split to them and dead-letters them (as in DeadLetterTest).
     */
    private void processDeadLetters(OpenApiContract api) {
        String letters = "/api/v1/admin/processors/split-distribution/dead-letters";
        long split = jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
        await(() -> processing.eventProcessor("split-distribution", StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= split));
        legacyPurchase("legacy-c1", "ghost-c1");
        String hopeless = legacyPurchase("legacy-c2", "ghost-c2");
        await(() -> jdbc.queryForObject("select count(*) from command.dead_letter_entry where processing_group = "
                + "'split-distribution'", Long.class) == 2);

        api.call(RETRY, letters + "/retry?sequence=legacy-c1").expect(409);
        api.call(ACCOUNTS, "/api/v1/accounts").body("{\"accountId\":\"ghost-c1\",\"name\":\"Ghost\",\"currency\":"
                + "\"EUR\",\"openedOn\":\"2024-01-02\"}").expect(201);
        api.call(RETRY, letters + "/retry?sequence=legacy-c1").expect(200);
        api.call(EVICT, letters + "/" + hopeless + "/evict?reason=never%20opened").expect(200);
    }

    private String legacyPurchase(String aggregate, String account) {
        BigDecimal cost = new BigDecimal("100.00");
        eventStore.publish(new GenericDomainEventMessage<>("Account", aggregate, 0, new TradeRecordedEvent(
                new AccountId(account), new TransactionId("b1"), TradeSide.BUY, new Symbol("ACME"),
                new Quantity(BigDecimal.TEN), new Money(BigDecimal.TEN, Currency.getInstance("USD")), null, null,
                LocalDate.of(2024, 1, 10), null, List.of(new Leg(LegType.SECURITY, "ACME", BigDecimal.TEN, cost),
                new Leg(LegType.CASH, "USD", cost.negate(), cost.negate())))));
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where "
                + "aggregate_identifier = ?", String.class, aggregate);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
