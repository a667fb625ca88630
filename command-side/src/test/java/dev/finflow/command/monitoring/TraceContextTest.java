package dev.finflow.command.monitoring;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's W3C trace context reaches the events it causes, also those a process writes later on its behalf:
 * the readers continue that trace (docs/operate.md, traces).
 */
@CommandSideTest
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents stored;

    @Test
    void theEventsOfACommandAndOfTheProcessItStartsCarryTheRequestsTraceId() {
        post("/api/v1/accounts", "{\"accountId\":\"tr-1\",\"name\":\"Tr\",\"currency\":\"EUR\"}", "00f067aa0ba902b7");
        post("/api/v1/accounts", "{\"accountId\":\"tr-2\",\"name\":\"Tr\",\"currency\":\"EUR\"}", "00f067aa0ba902b8");
        post("/api/v1/accounts/tr-1/transactions",
                "{\"transactionId\":\"d\",\"type\":\"DEPOSIT\",\"amount\":5,\"currency\":\"EUR\"}", "00f067aa0ba902b9");
        post("/api/v1/transfers", "{\"transferId\":\"tr-t\",\"fromAccountId\":\"tr-1\",\"toAccountId\":\"tr-2\","
                + "\"amount\":1,\"currency\":\"EUR\"}", "00f067aa0ba902ba");

        // The transfer's receiving side is written by the transfer process, on its own thread, after the request.
        List<StoredEvents.Row> rows = stored.awaitAll(all -> all.stream()
                .anyMatch(row -> row.simpleType().equals("TransferReceivedEvent"))).stream()
                .filter(row -> row.aggregateId().startsWith("tr-")).filter(row -> !row.aggregateId().equals("tr-3"))
                .toList();

        assertThat(rows).extracting(StoredEvents.Row::simpleType).containsExactlyInAnyOrder("AccountOpenedEvent",
                "AccountOpenedEvent", "CashDepositedEvent", "TransferSentEvent", "TransferReceivedEvent");
        for (StoredEvents.Row row : rows) {
            String traceparent = row.metaData().path("traceparent").asText();
            assertThat(traceparent).as("%s of %s", row.simpleType(), row.aggregateId())
                    .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-[0-9a-f]{2}");
        }
        // The request's own span (the server span under the caller's) is the parent, not the caller's span.
        assertThat(rows.get(0).metaData().path("traceparent").asText()).doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceOfItsOwn() {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"tr-3\",\"name\":\"Tr\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().is2xxSuccessful();

        StoredEvents.Row opened = stored.all().stream().filter(row -> row.aggregateId().equals("tr-3")).findFirst()
                .orElseThrow();
        assertThat(opened.metaData().path("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotContain(TRACE_ID);
    }

    private void post(String uri, String body, String parentSpanId) {
        http.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-" + TRACE_ID + "-" + parentSpanId + "-01").bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful();
    }
}
