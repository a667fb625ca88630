package dev.finflow.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.web.ProblemType;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad request per problem type the command side answers, through real HTTP: each answer is
 * {@code application/problem+json} with the registered status, {@code type} and {@code rule}, and stores nothing.
 * A rule added to the registry without a request here (or a named test elsewhere) fails
 * {@link #everyProblemTypeHasABadRequest()}.
 */
@CommandSideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemVocabularyTest {

    private static final String PV = "/api/v1/accounts/pv-1";
    private static final String TX = PV + "/transactions";
    /** An account with history in 2024: a deposit in January, a withdrawal in March. */
    private static final String LATER = "/api/v1/accounts/pv-later";
    private static final String OPEN = "{\"accountId\":\"pv-1\",\"name\":\"P\",\"currency\":\"EUR\"}";
    private static final String DEPOSIT =
            "{\"transactionId\":\"%s\",\"type\":\"DEPOSIT\",\"amount\":%s,\"currency\":\"%s\"}";

    /** Rules no single request can provoke, and the test that shows their answer. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "concurrent-modification", "CommandFailuresTest.aLockLostAfterEveryRetryIsAConcurrentModification",
            "unavailable", "FailureProblemsTest.aFullQueueIsUnavailableAndAsksToRetryAfterASecond",
            "internal-error", "FailureProblemsTest.anUnexpectedFailureIsAnInternalErrorThatHidesItsMessage",
            "ingestion-run-conflict", "IngestionRunsTest.aRunIdUsedForAnotherRunIsAConflict (needs a finished run)",
            "ingestion-run-finished", "IngestionRunTest.aFinishedRunTakesNoMoreAttempts (the run's own command)",
            "unknown-run-symbol", "IngestionRunTest.refusesProgressForASymbolOutsideTheRun (the run's own command)",
            "invalid-parameter", "not answered here: the command side takes no typed query or path parameters",
            "dead-letter-still-failing", "DeadLetterTest (a retry whose cause is not fixed)");

    private static final Map<String, ProblemType> REGISTRY = ProblemType.registry(CommandRule.class,
            RequestRule.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    record BadRequest(String rule, HttpMethod method, String uri, MediaType contentType, String body,
                      Map<String, String> headers) {

        static BadRequest post(String rule, String uri, String body) {
            return new BadRequest(rule, HttpMethod.POST, uri, MediaType.APPLICATION_JSON, body, Map.of());
        }

        BadRequest as(MediaType type) {
            return new BadRequest(rule, method, uri, type, body, headers);
        }

        BadRequest with(String header, String value) {
            return new BadRequest(rule, method, uri, contentType, body, Map.of(header, value));
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<BadRequest> badRequests() {
        StringJoiner batch = new StringJoiner(",", "{\"transactions\":[", "]}");
        for (int i = 0; i < 1001; i++) {
            batch.add(DEPOSIT.formatted("n-" + i, 1, "EUR"));
        }
        StringJoiner bars = new StringJoiner("\n", "Date,Open,High,Low,Close,Adj Close,Volume\n", "\n");
        for (int i = 0; i <= 10_000; i++) {
            bars.add("2024-01-02,1,1,1,1,1,1");
        }
        return Stream.of(
                BadRequest.post("malformed-request", TX, "{\"transactionId\":"),
                BadRequest.post("missing-field", TX, "{\"transactionId\":\"x\",\"amount\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("invalid-field", TX, DEPOSIT.formatted("a b", 1, "EUR")),
                BadRequest.post("payload-too-large", TX, "{\"memo\":\"" + "m".repeat(1024 * 1024 + 10) + "\"}"),
                BadRequest.post("account-not-found", "/api/v1/accounts/pv-none/transactions",
                        DEPOSIT.formatted("x", 1, "EUR")),
                BadRequest.post("instrument-not-found", "/api/v1/instruments/NOPE/splits",
                        "{\"effectiveDate\":\"2024-01-03\",\"numerator\":2,\"denominator\":1}"),
                BadRequest.post("unknown-transaction-type", TX,
                        "{\"transactionId\":\"x\",\"type\":\"GIFT\",\"amount\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("unknown-currency", TX, DEPOSIT.formatted("x", 1, "EUX")),
                BadRequest.post("batch-too-large", TX + ":batch", batch.toString()),
                BadRequest.post("non-positive-amount", TX, DEPOSIT.formatted("x", 0, "EUR")),
                BadRequest.post("non-positive-quantity", TX, "{\"transactionId\":\"x\",\"type\":\"BUY\","
                        + "\"symbol\":\"ACME\",\"quantity\":0,\"price\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("too-many-decimals", TX, DEPOSIT.formatted("x", "1.001", "EUR")),
                BadRequest.post("account-exists", "/api/v1/accounts",
                        "{\"accountId\":\"pv-1\",\"name\":\"Other\",\"currency\":\"USD\"}"),
                BadRequest.post("read-only-access", TX, DEPOSIT.formatted("x", 1, "EUR"))
                        .with(HttpHeaders.AUTHORIZATION, TestTokens.bearer("pv-viewer", Role.OWNER)),
                new BadRequest("other-persons-data", HttpMethod.GET, "/api/v1/persons/pv-other/export", null, null,
                        Map.of(HttpHeaders.AUTHORIZATION, TestTokens.bearer("pv-viewer", Role.OWNER))),
                new BadRequest("last-owner", HttpMethod.DELETE, PV + "/grants/" + TestTokens.DEFAULT_SUBJECT, null,
                        null, Map.of()),
                BadRequest.post("account-closed", "/api/v1/accounts/pv-closed/transactions",
                        DEPOSIT.formatted("x", 1, "EUR")),
                BadRequest.post("account-not-empty", PV + "/closure", "{}"),
                BadRequest.post("insufficient-cash", TX, "{\"transactionId\":\"x\",\"type\":\"WITHDRAWAL\","
                        + "\"amount\":1000000,\"currency\":\"EUR\"}"),
                BadRequest.post("insufficient-units", TX, "{\"transactionId\":\"x\",\"type\":\"SELL\","
                        + "\"symbol\":\"ACME\",\"quantity\":5,\"price\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("currency-mismatch", TX, DEPOSIT.formatted("x", 1, "USD")),
                BadRequest.post("fx-rate-unexpected", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":1,\"currency\":\"EUR\",\"fxRate\":1.1}"),
                BadRequest.post("transaction-conflict", TX, DEPOSIT.formatted("seed", 99, "EUR")),
                BadRequest.post("unknown-transaction", TX + "/nope/reversal", "{\"transactionId\":\"r-x\"}"),
                BadRequest.post("already-reversed", TX + "/small/reversal", "{\"transactionId\":\"r-again\"}"),
                BadRequest.post("not-reversible", TX + "/r-small/reversal", "{\"transactionId\":\"r-r\"}"),
                BadRequest.post("same-account-transfer", "/api/v1/transfers", "{\"transferId\":\"t-1\","
                        + "\"fromAccountId\":\"pv-1\",\"toAccountId\":\"pv-1\",\"amount\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("amount-out-of-bounds", TX, DEPOSIT.formatted("x", "1e400", "EUR")),
                BadRequest.post("fx-rate-out-of-bounds", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":100,\"currency\":\"USD\",\"fxRate\":1e9}"),
                BadRequest.post("split-ratio-out-of-bounds", "/api/v1/instruments/ACME/splits",
                        "{\"effectiveDate\":\"2024-01-04\",\"numerator\":1000000000,\"denominator\":1}"),
                BadRequest.post("date-out-of-bounds", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":1,\"currency\":\"EUR\",\"date\":\"+99999-01-01\"}"),
                BadRequest.post("control-character", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":1,\"currency\":\"EUR\",\"memo\":\"a\\u0000b\"}"),
                BadRequest.post("field-not-allowed", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":1,\"currency\":\"EUR\",\"symbol\":\"ACME\",\"quantity\":5}"),
                BadRequest.post("date-before-opening", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                        + "\"amount\":1,\"currency\":\"EUR\",\"date\":\"2000-01-03\"}"),
                BadRequest.post("breaks-later-balance", LATER + "/transactions", "{\"transactionId\":\"x\","
                        + "\"type\":\"WITHDRAWAL\",\"amount\":50,\"currency\":\"EUR\",\"date\":\"2024-02-01\"}"),
                BadRequest.post("reversal-before-original", LATER + "/transactions/d1/reversal",
                        "{\"transactionId\":\"r-x\",\"date\":\"2024-01-02\"}"),
                BadRequest.post("closure-before-last-transaction", LATER + "/closure", "{\"date\":\"2024-02-01\"}"),
                BadRequest.post("account-already-closed", "/api/v1/accounts/pv-closed/closure",
                        "{\"date\":\"2025-01-02\"}"),
                BadRequest.post("dividend-without-holding", TX, "{\"transactionId\":\"x\",\"type\":\"DIVIDEND\","
                        + "\"symbol\":\"ACME\",\"amount\":1,\"currency\":\"EUR\"}"),
                BadRequest.post("invalid-date-range", "/api/v1/ingestion/runs",
                        "{\"symbols\":[\"ACME\"],\"from\":\"2017-02-28\",\"to\":\"2017-02-01\"}"),
                BadRequest.post("unknown-watchlist", "/api/v1/ingestion/runs",
                        "{\"watchlist\":\"nope\",\"from\":\"2017-02-01\",\"to\":\"2017-02-28\"}"),
                BadRequest.post("unknown-provider", "/api/v1/ingestion/runs", "{\"symbols\":[\"ACME\"],"
                        + "\"from\":\"2017-02-01\",\"to\":\"2017-02-28\",\"providers\":[\"bloomberg\"]}"),
                BadRequest.post("instrument-exists", "/api/v1/instruments", "{\"symbol\":\"ACME\","
                        + "\"name\":\"Other\",\"type\":\"EQUITY\",\"currency\":\"EUR\",\"exchange\":\"XETRA\"}"),
                BadRequest.post("too-many-bars", "/api/v1/instruments/ACME/bars", bars.toString())
                        .as(MediaType.parseMediaType("text/csv")),
                BadRequest.post("malformed-csv", "/api/v1/instruments/ACME/bars", "Day,Price\n2024-01-02,1\n")
                        .as(MediaType.parseMediaType("text/csv")),
                BadRequest.post("bar-not-found", "/api/v1/instruments/ACME/bars/2024-01-05/correction",
                        "{\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":1,\"reason\":\"x\"}"),
                BadRequest.post("bar-rejected", "/api/v1/instruments/ACME/bars/2024-01-02/correction",
                        "{\"open\":10,\"high\":9,\"low\":11,\"close\":10,\"volume\":1,\"reason\":\"x\"}"),
                BadRequest.post("corporate-action-conflict", "/api/v1/instruments/ACME/splits",
                        "{\"effectiveDate\":\"2024-01-03\",\"numerator\":3,\"denominator\":1}"),
                new BadRequest("route-not-found", HttpMethod.GET, "/api/v1/nowhere", null, null, Map.of()),
                new BadRequest("processor-not-found", HttpMethod.GET, "/api/v1/admin/processors/nope/dead-letters",
                        null, null, Map.of()),
                new BadRequest("dead-letter-not-found", HttpMethod.POST,
                        "/api/v1/admin/processors/split-distribution/dead-letters/nope/evict", null, null, Map.of()),
                new BadRequest("method-not-allowed", HttpMethod.GET, "/api/v1/transfers", null, null, Map.of()),
                BadRequest.post("not-acceptable", "/api/v1/accounts", OPEN).with("Accept", "text/csv"),
                BadRequest.post("unsupported-media-type", TX, "x").as(MediaType.TEXT_PLAIN),
                BadRequest.post("uri-too-long", TX + "?pad=" + "p".repeat(5000), DEPOSIT.formatted("x", 1, "EUR")),
                BadRequest.post("headers-too-large", TX, DEPOSIT.formatted("x", 1, "EUR"))
                        .with("X-Pad", "p".repeat(9000)));
    }

    /** The accounts and the instrument the bad requests refer to, made once: every request here stores nothing. */
    @BeforeAll
    void state() {
        send(BadRequest.post("", "/api/v1/accounts", OPEN));
        send(BadRequest.post("", TX, DEPOSIT.formatted("seed", 100, "EUR")));
        send(BadRequest.post("", PV + "/grants", "{\"userId\":\"pv-viewer\",\"level\":\"VIEWER\"}"));
        send(BadRequest.post("", TX, DEPOSIT.formatted("small", 1, "EUR")));
        send(BadRequest.post("", TX + "/small/reversal", "{\"transactionId\":\"r-small\"}"));
        send(BadRequest.post("", "/api/v1/accounts",
                "{\"accountId\":\"pv-closed\",\"name\":\"C\",\"currency\":\"EUR\"}"));
        send(BadRequest.post("", "/api/v1/accounts/pv-closed/closure", "{}"));
        send(BadRequest.post("", "/api/v1/accounts", "{\"accountId\":\"pv-later\",\"name\":\"L\",\"currency\":"
                + "\"EUR\",\"openedOn\":\"2024-01-02\"}"));
        send(BadRequest.post("", LATER + "/transactions", "{\"transactionId\":\"d1\",\"type\":\"DEPOSIT\","
                + "\"amount\":100,\"currency\":\"EUR\",\"date\":\"2024-01-03\"}"));
        send(BadRequest.post("", LATER + "/transactions", "{\"transactionId\":\"w1\",\"type\":\"WITHDRAWAL\","
                + "\"amount\":80,\"currency\":\"EUR\",\"date\":\"2024-03-01\"}"));
        send(BadRequest.post("", "/api/v1/instruments", "{\"symbol\":\"ACME\",\"name\":\"Acme Corp\","
                + "\"type\":\"EQUITY\",\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}"));
        send(BadRequest.post("", "/api/v1/instruments/ACME/bars", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-02,10,11,9,10,10,100\n").as(MediaType.parseMediaType("text/csv")));
        send(BadRequest.post("", "/api/v1/instruments/ACME/splits",
                "{\"effectiveDate\":\"2024-01-03\",\"numerator\":2,\"denominator\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersEachBadRequestWithTheProblemOfItsRuleAndStoresNothing(BadRequest bad) throws Exception {
        ProblemType expected = REGISTRY.get(bad.rule());
        long before = store.count();

        EntityExchangeResult<byte[]> answer = send(bad);

        assertThat(answer.getStatus().value()).as(bad.rule()).isEqualTo(expected.status().value());
        assertThat(answer.getResponseHeaders().getContentType()).as(bad.rule())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getResponseBody());
        assertThat(problem.get("type").asText()).isEqualTo(expected.type().toString());
        assertThat(problem.get("rule").asText()).isEqualTo(bad.rule());
        assertThat(problem.get("title").asText()).isEqualTo(expected.title());
        assertThat(problem.get("status").asInt()).isEqualTo(expected.status().value());
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void everyProblemTypeHasABadRequest() {
        Set<String> covered = badRequests().map(BadRequest::rule).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(ELSEWHERE.keySet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(new TreeSet<>(REGISTRY.keySet()));
    }

    @Test
    void aWrongJsonTypeNamesTheField() throws Exception {
        JsonNode problem = JSON.readTree(send(BadRequest.post("", TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\","
                + "\"amount\":\"ten\",\"currency\":\"EUR\"}")).getResponseBody());

        assertThat(problem.get("rule").asText()).isEqualTo("malformed-request");
        assertThat(problem.get("field").asText()).isEqualTo("amount");
    }

    @Test
    void aMethodNotAllowedSaysWhichAreAllowed() {
        EntityExchangeResult<byte[]> answer = send(new BadRequest("", HttpMethod.GET, "/api/v1/transfers", null,
                null, Map.of()));

        assertThat(answer.getResponseHeaders().getAllow()).contains(HttpMethod.POST);
    }

    private EntityExchangeResult<byte[]> send(BadRequest request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(request.uri());
        request.headers().forEach(spec::header);
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        WebTestClient.RequestHeadersSpec<?> ready = request.body() == null ? spec : spec.bodyValue(request.body());
        return ready.exchange().expectBody().returnResult();
    }
}
