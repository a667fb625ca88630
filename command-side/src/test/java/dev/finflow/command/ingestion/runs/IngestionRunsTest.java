package dev.finflow.command.ingestion.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.command.ingestion.providers.FixtureServer;
import dev.finflow.command.ingestion.runs.domain.IngestionRun;
import dev.finflow.command.ingestion.runs.domain.IngestionRun;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion runs end to end through HTTP: a local Stooq (recorded CSV and scripted failures) and the synthetic
 * generator as providers, the events asserted where they land, in the event store.
 */
@CommandSideTest
class IngestionRunsTest {

    static final FixtureServer hook = new FixtureServer()
            .on("/hook", FixtureServer.status(204, "text/plain", ""));

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("finflow.ingestion.providers.stooq.base-url", () -> StooqScript.SERVER.url("/q/d/l/"));
        registry.add("finflow.ingestion.providers.yahoo.enabled", () -> "false");
        registry.add("finflow.ingestion.providers.order", () -> "stooq,synthetic");
        registry.add("finflow.ingestion.runs.retry.max-attempts", () -> "2");
        registry.add("finflow.ingestion.runs.retry.initial-backoff", () -> "20ms");
        registry.add("finflow.ingestion.runs.retry.max-backoff", () -> "1500ms");
        registry.add("finflow.ingestion.runs.webhook.url", () -> hook.url("/hook"));
        registry.add("finflow.ingestion.providers.csv.directory", () -> "src/main/resources/sample-data");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void registerInstruments() {
        for (String symbol : List.of("AAPL", "MSFT", "ORCL", "FLAKY", "BUSY", "DOWN", "NONE", "COKE")) {
            http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    {"symbol":"%s","name":"%s Inc.","type":"EQUITY","currency":"USD","exchange":"NASDAQ"}
                    """.formatted(symbol, symbol)).exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void aRunFetchesTheRangeFeedsTheInstrumentAndRecordsItsOutcome() {
        JsonNode accepted = start("""
                {"runId":"feb-aapl","symbols":["AAPL"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """);

        assertThat(accepted.get("runId").asText()).isEqualTo("feb-aapl");
        assertThat(accepted.get("status").asText()).isEqualTo("STARTED");
        List<StoredEvents.Row> run = finished("feb-aapl");
        assertThat(run).extracting(StoredEvents.Row::simpleType).containsExactly("IngestionRunStartedEvent",
                "IngestionRunProgressedEvent", "IngestionRunCompletedEvent");
        assertThat(run.get(0).position()).isEqualTo(accepted.get("position").asLong());
        JsonNode progress = run.get(1).payload();
        assertThat(progress.get("provider").asText()).isEqualTo("stooq");
        assertThat(progress.get("received").asInt()).isEqualTo(19);
        assertThat(progress.get("accepted").asInt() + progress.get("flagged").asInt()).isEqualTo(19);
        assertThat(progress.get("rejected").asInt()).isZero();
        assertThat(run.get(2).payload().get("barsReceived").asInt()).isEqualTo(19);
        StoredEvents.Row bars = barsOf("AAPL", "feb-aapl").get(0);
        assertThat(bars.payload().get("bars")).hasSize(19);
        assertThat(bars.payload().get("source").asText()).isEqualTo("stooq");
        assertThat(bars.metaData().get("ingestionRunId").asText()).isEqualTo("feb-aapl");
        assertThat(bars.metaData().get("source").asText()).isEqualTo("stooq");
    }

    @Test
    void startingTheSameRunAgainAnswersTheSameAndRecordsNothingNew() throws InterruptedException {
        String body = """
                {"runId":"twice","symbols":["MSFT"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """;
        JsonNode first = start(body);
        finished("twice");
        long before = store.count();

        JsonNode again = start(body);
        Thread.sleep(300);

        assertThat(again.get("runId").asText()).isEqualTo("twice");
        assertThat(again.get("position").asLong()).isEqualTo(first.get("position").asLong());
        assertThat(again.get("status").asText()).isEqualTo("ALREADY_STARTED");
        assertThat(store.count()).isEqualTo(before);
        assertThat(barsOf("MSFT", "twice")).hasSize(1);
    }

    @Test
    void aTransientFailureIsRecordedAndRetriedOnTheSameProvider() {
        start("""
                {"runId":"flaky","symbols":["FLAKY"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """);

        List<StoredEvents.Row> run = finished("flaky");
        assertThat(run).extracting(StoredEvents.Row::simpleType).containsExactly("IngestionRunStartedEvent",
                "IngestionAttemptFailedEvent", "IngestionRunProgressedEvent", "IngestionRunCompletedEvent");
        JsonNode failed = run.get(1).payload();
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("nextStep").asText()).isEqualTo("RETRY");
        assertThat(failed.get("cause").asText()).contains("SERVER_ERROR", "503");
        assertThat(run.get(2).payload().get("provider").asText()).isEqualTo("stooq");
    }

    @Test
    void aRateLimitedAttemptWaitsForRetryAfterBeforeTryingAgain() {
        start("""
                {"runId":"busy","symbols":["BUSY"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """);

        List<StoredEvents.Row> run = finished("busy");
        assertThat(run.get(1).payload().get("cause").asText()).contains("RATE_LIMITED");
        assertThat(run.get(1).payload().get("nextStep").asText()).isEqualTo("RETRY");
        List<Long> asked = StooqScript.SERVER.seen().stream().filter(s -> s.query().startsWith("s=busy.us"))
                .map(FixtureServer.Seen::nanos).toList();
        assertThat(asked).hasSize(2);
        assertThat(Duration.ofNanos(asked.get(1) - asked.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(run.get(run.size() - 1).simpleType()).isEqualTo("IngestionRunCompletedEvent");
    }

    @Test
    void aProviderThatKeepsFailingIsLeftForTheNext() {
        start("""
                {"runId":"fallback","symbols":["DOWN"],"from":"2017-02-01","to":"2017-02-28",
                 "providers":["stooq","synthetic"]}
                """);

        List<StoredEvents.Row> run = finished("fallback");
        assertThat(run).extracting(row -> row.simpleType() + (row.payload().has("nextStep")
                ? ":" + row.payload().get("nextStep").asText() : "")).containsExactly("IngestionRunStartedEvent",
                "IngestionAttemptFailedEvent:RETRY", "IngestionAttemptFailedEvent:FALLBACK",
                "IngestionRunProgressedEvent", "IngestionRunCompletedEvent");
        assertThat(run.get(3).payload().get("provider").asText()).isEqualTo("synthetic");
        // Synthetic bars exist on every weekday: February 2017 had 20, the exchange traded on 19.
        assertThat(run.get(3).payload().get("received").asInt()).isEqualTo(20);
        assertThat(barsOf("DOWN", "fallback").get(0).payload().get("source").asText()).isEqualTo("synthetic");
    }

    @Test
    void whenNoProviderDeliversTheRunFailsAndTheFailureIsAnnounced() {
        double failedBefore = failedRuns();

        start("""
                {"runId":"nothing","symbols":["ORCL","NONE"],"from":"2017-02-01","to":"2017-02-28",
                 "providers":["stooq"]}
                """);

        List<StoredEvents.Row> run = finished("nothing");
        assertThat(run).extracting(row -> row.simpleType() + (row.payload().has("nextStep")
                ? ":" + row.payload().get("nextStep").asText() : "")).containsExactly("IngestionRunStartedEvent",
                "IngestionRunProgressedEvent", "IngestionAttemptFailedEvent:GIVE_UP", "IngestionRunFailedEvent");
        JsonNode failed = run.get(3).payload();
        assertThat(failed.get("failedSymbols")).extracting(JsonNode::asText).containsExactly("NONE");
        assertThat(failed.get("cause").asText()).contains("NO_DATA");
        assertThat(failedRuns()).isEqualTo(failedBefore + 1);
        FixtureServer.Seen posted = awaitHook("nothing");
        JsonNode body = StoredEvents.parse(posted.body());
        assertThat(body.get("event").asText()).isEqualTo("ingestion-run-failed");
        assertThat(body.get("failedSymbols")).extracting(JsonNode::asText).containsExactly("NONE");
        assertThat(body.get("trigger").asText()).isEqualTo("MANUAL");
    }

    @Test
    void barsForAnUnregisteredInstrumentAreGivenUpWithTheReason() {
        start("""
                {"runId":"unregistered","symbols":["GAPY"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """);

        List<StoredEvents.Row> run = finished("unregistered");
        assertThat(run).extracting(StoredEvents.Row::simpleType).containsExactly("IngestionRunStartedEvent",
                "IngestionAttemptFailedEvent", "IngestionRunFailedEvent");
        assertThat(run.get(1).payload().get("nextStep").asText()).isEqualTo("GIVE_UP");
        assertThat(run.get(1).payload().get("cause").asText()).contains("refused", "GAPY");
    }

    @Test
    void aCsvImportRecordsTheDividendsItCarriesOnceWhateverTheReruns() {
        start("""
                {"runId":"coke-q1","symbols":["COKE"],"from":"2017-01-01","to":"2017-03-31","providers":["csv"]}
                """);
        finished("coke-q1");
        start("""
                {"runId":"coke-q1-again","symbols":["COKE"],"from":"2017-01-01","to":"2017-03-31","providers":["csv"]}
                """);
        List<StoredEvents.Row> again = finished("coke-q1-again");

        List<StoredEvents.Row> dividends = store.all().stream().filter(row -> row.aggregateId()
                .equals("instrument/COKE") && row.simpleType().equals("CashDividendRecordedEvent")).toList();
        assertThat(dividends).singleElement().satisfies(dividend -> {
            assertThat(dividend.payload().get("exDate").asText()).isEqualTo("2017-01-25");
            assertThat(dividend.payload().get("amountPerUnit").get("amount").decimalValue())
                    .isEqualByComparingTo("0.25");
            assertThat(dividend.payload().get("source").asText()).isEqualTo("csv");
            assertThat(dividend.metaData().get("ingestionRunId").asText()).isEqualTo("coke-q1");
        });
        JsonNode rerun = again.get(1).payload();
        assertThat(rerun.get("received").asInt()).isEqualTo(62);
        assertThat(rerun.get("duplicates").asInt()).isEqualTo(62);
    }

    @Test
    void badRequestsAreProblemDetailsNamingTheRuleAndRecordNothing() {
        long before = store.count();
        problem("""
                {"symbols":["AAPL"],"from":"2017-02-28","to":"2017-02-01"}""", 400, "invalid-date-range");
        problem("""
                {"symbols":["AAPL"],"from":"2017-02-01","to":"2017-02-28","providers":["bloomberg"]}""",
                400, "unknown-provider");
        problem("""
                {"from":"2017-02-01","to":"2017-02-28"}""", 400, "missing-field");
        problem("""
                {"symbols":["AAPL"],"from":"2017-02-01"}""", 400, "missing-field");
        problem("""
                {"watchlist":"nope","from":"2017-02-01","to":"2017-02-28"}""", 400, "unknown-watchlist");
        problem("""
                {"symbols":["not a symbol"],"from":"2017-02-01","to":"2017-02-28"}""", 400, "invalid-field");
        problem("""
                {"symbols":["AAPL"],"from":"2017-02-31","to":"2017-03-01"}""", 400, "malformed-request");
        problem("""
                {"runId":"has spaces","symbols":["AAPL"],"from":"2017-02-01","to":"2017-02-28"}""",
                400, "invalid-field");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aRunIdUsedForAnotherRunIsAConflict() {
        start("""
                {"runId":"taken","symbols":["NONE"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}
                """);
        finished("taken");
        long before = store.count();

        problem("""
                {"runId":"taken","symbols":["AAPL"],"from":"2017-02-01","to":"2017-02-28","providers":["stooq"]}""",
                409, "ingestion-run-conflict");
        assertThat(store.count()).isEqualTo(before);
    }

    private JsonNode start(String body) {
        byte[] response = http.post().uri("/api/v1/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        return StoredEvents.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void problem(String body, int status, String rule) {
        byte[] response = http.post().uri("/api/v1/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody()
                .returnResult().getResponseBody();
        JsonNode problem = StoredEvents.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("type").asText()).as(body).isEqualTo("https://finflow.dev/problems/" + rule);
    }

    /** The run's events once it has completed or failed. */
    private List<StoredEvents.Row> finished(String runId) {
        String id = "ingestion-run/" + runId;
        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().anyMatch(row -> row.aggregateId().equals(id)
                && row.simpleType().matches("IngestionRun(Completed|Failed)Event")));
        List<StoredEvents.Row> run = rows.stream().filter(row -> row.aggregateId().equals(id)).toList();
        assertThat(run).extracting(StoredEvents.Row::simpleType)
                .anyMatch(type -> type.matches("IngestionRun(Completed|Failed)Event"));
        return run;
    }

    private List<StoredEvents.Row> barsOf(String symbol, String runId) {
        return store.all().stream().filter(row -> row.aggregateId().equals("instrument/" + symbol)
                && row.simpleType().equals("BarsIngestedEvent")
                && row.payload().get("runId").asText().equals(runId)).toList();
    }

    private double failedRuns() {
        var counter = meters.find("finflow.ingestion.runs.failed").counter();
        return counter == null ? 0 : counter.count();
    }

    private FixtureServer.Seen awaitHook(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (FixtureServer.Seen seen : hook.seen()) {
                if (seen.path().equals("/hook") && seen.body().contains("\"" + runId + "\"")) {
                    return seen;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no webhook call for " + runId);
    }
}
