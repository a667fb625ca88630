package dev.finflow.command.ingestion.runs;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.command.ingestion.providers.FixtureServer;
import dev.finflow.command.ingestion.providers.Providers;
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

import static dev.finflow.command.ingestion.providers.FixtureServer.resource;
import static dev.finflow.command.ingestion.providers.FixtureServer.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stooq's circuit breaker, through HTTP against a local Stooq that can be switched dead (503) and alive: three
 * failed calls in a window of three open it, the next runs fall back to the synthetic provider without calling
 * Stooq or waiting, and after the wait one trial call that succeeds closes it. Answers about the request
 * ("No data", 400) leave it closed.
 */
@CommandSideTest
class ProviderCircuitBreakerTest {

    static final FixtureServer stooq = new FixtureServer();
    static volatile boolean down;

    static {
        String csv = resource("stooq-aapl.us-2017-02.csv");
        stooq.on("/q/d/l/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String ticker = query.substring(2, query.indexOf('&'));
            if (ticker.startsWith("none")) {
                send(exchange, 200, "text/plain", "No data");
            } else if (ticker.startsWith("bad")) {
                send(exchange, 400, "text/plain", "Bad Request");
            } else if (down) {
                send(exchange, 503, "text/html", "<html>down</html>");
            } else {
                send(exchange, 200, "text/csv", csv);
            }
        });
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("finflow.ingestion.providers.stooq.base-url", () -> stooq.url("/q/d/l/"));
        registry.add("finflow.ingestion.providers.yahoo.enabled", () -> "false");
        registry.add("finflow.ingestion.runs.retry.max-attempts", () -> "3");
        registry.add("finflow.ingestion.runs.retry.initial-backoff", () -> "300ms");
        registry.add("finflow.ingestion.runs.retry.jitter", () -> "0");
        registry.add("finflow.ingestion.providers.circuit-breaker.failure-rate-threshold", () -> "50");
        registry.add("finflow.ingestion.providers.circuit-breaker.minimum-calls", () -> "3");
        registry.add("finflow.ingestion.providers.circuit-breaker.sliding-window", () -> "3");
        registry.add("finflow.ingestion.providers.circuit-breaker.wait-in-open-state", () -> "2s");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Providers providers;

    @BeforeEach
    void aliveAndClosed() {
        down = false;
        providers.find("stooq").orElseThrow().breaker().reset();
        for (String symbol : List.of("AAPL", "MSFT", "IBM", "ORCL")) {
            http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    {"symbol":"%s","name":"%s Inc.","type":"EQUITY","currency":"USD","exchange":"NASDAQ"}
                    """.formatted(symbol, symbol)).exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void aDeadProviderOpensItsBreakerAndLaterRunsFallBackAtOnceUntilATrialCallSucceeds() throws Exception {
        assertThat(state("stooq")).as("registered closed from the start").isEqualTo(0);
        down = true;

        long calls = stooqCalls();
        Duration firstTook = timed("dead-1", "AAPL");
        List<StoredEvents.Row> first = finished("dead-1");
        assertThat(steps(first)).containsExactly("RETRY", "RETRY", "FALLBACK");
        assertThat(stooqCalls() - calls).isEqualTo(3);
        assertThat(progressProvider(first)).isEqualTo("synthetic");
        assertThat(state("stooq")).as("open").isEqualTo(1);

        calls = stooqCalls();
        Duration secondTook = timed("dead-2", "MSFT");
        List<StoredEvents.Row> second = finished("dead-2");
        assertThat(steps(second)).containsExactly("FALLBACK");
        assertThat(failures(second).get(0).payload().get("cause").asText()).contains("CIRCUIT_OPEN");
        assertThat(stooqCalls() - calls).as("stooq not called while open").isZero();
        assertThat(progressProvider(second)).isEqualTo("synthetic");
        // The first run waited 300 ms + 600 ms of backoff on stooq; the second none.
        assertThat(firstTook).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        System.out.printf("circuit breaker: dead provider, run before opening %d ms (3 attempts),"
                + " after %d ms (1 attempt)%n", firstTook.toMillis(), secondTook.toMillis());

        down = false;
        awaitState("stooq", 2, Duration.ofSeconds(10));
        calls = stooqCalls();
        timed("alive-again", "IBM");
        List<StoredEvents.Row> third = finished("alive-again");
        assertThat(steps(third)).isEmpty();
        assertThat(progressProvider(third)).isEqualTo("stooq");
        assertThat(stooqCalls() - calls).as("one trial call").isEqualTo(1);
        assertThat(state("stooq")).as("closed again").isEqualTo(0);
    }

    @Test
    void aTrialCallThatFailsOpensTheBreakerAgain() throws Exception {
        down = true;
        timed("dead-again-1", "AAPL");
        assertThat(state("stooq")).isEqualTo(1);
        awaitState("stooq", 2, Duration.ofSeconds(10));

        long calls = stooqCalls();
        timed("dead-again-2", "MSFT");
        List<StoredEvents.Row> run = finished("dead-again-2");
        assertThat(steps(run)).containsExactly("FALLBACK");
        assertThat(failures(run).get(0).payload().get("cause").asText()).contains("SERVER_ERROR", "503");
        assertThat(stooqCalls() - calls).as("one trial call, no retry").isEqualTo(1);
        assertThat(state("stooq")).isEqualTo(1);
    }

    @Test
    void answersAboutOurRequestLeaveTheBreakerClosed() throws Exception {
        long calls = stooqCalls();
        timed("no-data", "NONE", "BAD", "NONEA", "BADA");
        List<StoredEvents.Row> run = finished("no-data");

        assertThat(failures(run)).extracting(row -> row.payload().get("cause").asText())
                .anySatisfy(cause -> assertThat(cause).contains("NO_DATA"))
                .anySatisfy(cause -> assertThat(cause).contains("CLIENT_ERROR", "400"))
                .noneSatisfy(cause -> assertThat(cause).contains("CIRCUIT_OPEN"));
        assertThat(stooqCalls() - calls).isEqualTo(4);
        assertThat(state("stooq")).isEqualTo(0);
    }

    /** Starts a stooq-then-synthetic run and waits until it finished; how long that took. */
    private Duration timed(String runId, String... symbols) {
        long start = System.nanoTime();
        http.post().uri("/api/v1/ingestion/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"runId":"%s","symbols":["%s"],"from":"2017-02-01","to":"2017-02-28",
                 "providers":["stooq","synthetic"]}""".formatted(runId, String.join("\",\"", symbols)))
                .exchange().expectStatus().isAccepted();
        finished(runId);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<StoredEvents.Row> finished(String runId) {
        String id = "ingestion-run/" + runId;
        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().anyMatch(row -> row.aggregateId().equals(id)
                && row.simpleType().matches("IngestionRun(Completed|Failed)Event")));
        List<StoredEvents.Row> run = rows.stream().filter(row -> row.aggregateId().equals(id)).toList();
        assertThat(run).extracting(StoredEvents.Row::simpleType)
                .anyMatch(type -> type.matches("IngestionRun(Completed|Failed)Event"));
        return run;
    }

    private static List<StoredEvents.Row> failures(List<StoredEvents.Row> run) {
        return run.stream().filter(row -> row.simpleType().equals("IngestionAttemptFailedEvent")
                && row.payload().get("provider").asText().equals("stooq")).toList();
    }

    private static List<String> steps(List<StoredEvents.Row> run) {
        return failures(run).stream().map(row -> row.payload().get("nextStep").asText()).toList();
    }

    private static String progressProvider(List<StoredEvents.Row> run) {
        return run.stream().filter(row -> row.simpleType().equals("IngestionRunProgressedEvent")).findFirst()
                .orElseThrow().payload().get("provider").asText();
    }

    private static long stooqCalls() {
        return stooq.seen().stream().filter(seen -> seen.path().equals("/q/d/l/")).count();
    }

    private double state(String provider) {
        return meters.get("finflow.provider.circuit.state").tag("provider", provider).gauge().value();
    }

    private void awaitState(String provider, double wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (state(provider) != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(state(provider)).as("state of %s", provider).isEqualTo(wanted);
    }
}
