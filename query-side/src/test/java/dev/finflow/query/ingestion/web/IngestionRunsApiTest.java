package dev.finflow.query.ingestion.web;

import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunFailedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;

/** Ingestion runs: trigger, range, providers, progress per symbol, failed attempts and the outcome. */
@QuerySideTest
class IngestionRunsApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender appender;

    @Test
    void showsProgressFailedAttemptsAndTheOutcomeOfEachRun() {
        append("r-ok", new IngestionRunStartedEvent("r-ok", RunTrigger.SCHEDULE, "daily", symbols("AAA", "BBB"),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"), List.of("yahoo", "stooq")));
        append("r-ok", new IngestionAttemptFailedEvent("r-ok", new Symbol("AAA"), "yahoo", 1, "HTTP 429",
                NextStep.RETRY));
        append("r-ok", new IngestionAttemptFailedEvent("r-ok", new Symbol("AAA"), "yahoo", 2, "timeout after 10s",
                NextStep.FALLBACK));
        long running = append("r-ok", new IngestionRunProgressedEvent("r-ok", new Symbol("AAA"), "stooq", 21, 20, 1,
                0, 0, 0));

        http.get().uri("/api/v1/ingestion/runs/r-ok?minPosition=" + running).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("RUNNING")
                .jsonPath("$.symbolsDone").isEqualTo(1)
                .jsonPath("$.progress[0].symbol").isEqualTo("AAA")
                .jsonPath("$.progress[0].status").isEqualTo("DONE")
                .jsonPath("$.progress[1].symbol").isEqualTo("BBB")
                .jsonPath("$.progress[1].status").isEqualTo("PENDING");

        append("r-ok", new IngestionRunProgressedEvent("r-ok", new Symbol("BBB"), "yahoo", 21, 21, 0, 0, 0, 0));
        append("r-ok", new IngestionRunCompletedEvent("r-ok", 2, 42));
        append("r-bad", new IngestionRunStartedEvent("r-bad", RunTrigger.MANUAL, null, symbols("CCC"),
                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), List.of("yahoo")));
        append("r-bad", new IngestionAttemptFailedEvent("r-bad", new Symbol("CCC"), "yahoo", 1, "HTTP 401",
                NextStep.GIVE_UP));
        long last = append("r-bad", new IngestionRunFailedEvent("r-bad", symbols("CCC"), "no provider delivered CCC"));

        http.get().uri("/api/v1/ingestion/runs/r-ok?minPosition=" + last).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.trigger").isEqualTo("SCHEDULE")
                .jsonPath("$.watchlist").isEqualTo("daily")
                .jsonPath("$.symbols[1]").isEqualTo("BBB")
                .jsonPath("$.from").isEqualTo("2024-01-01")
                .jsonPath("$.to").isEqualTo("2024-01-31")
                .jsonPath("$.providers[1]").isEqualTo("stooq")
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.barsReceived").isEqualTo(42)
                .jsonPath("$.finishedAt").exists()
                .jsonPath("$.progress[0].provider").isEqualTo("stooq")
                .jsonPath("$.progress[0].received").isEqualTo(21)
                .jsonPath("$.progress[0].flagged").isEqualTo(1)
                .jsonPath("$.progress[1].status").isEqualTo("DONE")
                .jsonPath("$.attempts.length()").isEqualTo(2)
                .jsonPath("$.attempts[0].attempt").isEqualTo(1)
                .jsonPath("$.attempts[0].cause").isEqualTo("HTTP 429")
                .jsonPath("$.attempts[0].nextStep").isEqualTo("RETRY")
                .jsonPath("$.attempts[1].nextStep").isEqualTo("FALLBACK");

        http.get().uri("/api/v1/ingestion/runs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].runId").isEqualTo("r-bad")
                .jsonPath("$[0].status").isEqualTo("FAILED")
                .jsonPath("$[0].failedSymbols[0]").isEqualTo("CCC")
                .jsonPath("$[0].cause").isEqualTo("no provider delivered CCC")
                .jsonPath("$[0].failedAttempts").isEqualTo(1)
                .jsonPath("$[1].runId").isEqualTo("r-ok")
                .jsonPath("$[1].failedAttempts").isEqualTo(2);
        http.get().uri("/api/v1/ingestion/runs?status=COMPLETED").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].runId").isEqualTo("r-ok");
        http.get().uri("/api/v1/ingestion/runs?limit=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].runId").isEqualTo("r-bad");
    }

    @Test
    void refusesUnknownRunsAndBadParameters() {
        http.get().uri("/api/v1/ingestion/runs/nope").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/ingestion-run-not-found");
        http.get().uri("/api/v1/ingestion/runs?status=DONE").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter");
        http.get().uri("/api/v1/ingestion/runs?cursor=-3").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-cursor");
    }

    private long append(String runId, Object event) {
        return appender.append("IngestionRun", "ingestion-run/" + runId, event, "scheduler", "c-" + runId);
    }

    private static List<Symbol> symbols(String... values) {
        return java.util.Arrays.stream(values).map(Symbol::new).toList();
    }
}
