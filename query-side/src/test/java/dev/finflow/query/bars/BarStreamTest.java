package dev.finflow.query.bars;

import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.Verdict;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static org.assertj.core.api.Assertions.assertThat;

/** The SSE stream of a symbol's bars: resumes after Last-Event-ID, then sends bars as they are applied. */
@QuerySideTest
class BarStreamTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender appender;

    @Test
    void resumesAfterTheLastEventIdAndThenStreamsNewBarsAndCorrections() {
        MarketEvents s = new MarketEvents(appender, "STRM");
        s.register(InstrumentType.EQUITY, "USD", null);
        long first = s.ingest(accepted(bar("2024-06-03", "20", "21", "19", "20.00", 10)));
        long second = s.ingest(accepted(bar("2024-06-04", "20", "21", "19", "20.50", 10)));
        http.get().uri("/api/v1/instruments/STRM/bars?minPosition=" + second).exchange().expectStatus().isOk();

        Flux<ServerSentEvent<Map<String, Object>>> resumed = bars(first + "/2024-06-03");
        StepVerifier.create(resumed)
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo(second + "/2024-06-04");
                    assertThat(event.event()).isEqualTo("bar");
                    assertThat(event.data()).containsEntry("close", "20.50").containsEntry("date", "2024-06-04");
                })
                .then(() -> s.correct(bar("2024-06-03", "20", "21", "19", "20.00", 10),
                        bar("2024-06-03", "20", "21", "19", "20.10", 10), Verdict.ACCEPTED))
                .assertNext(event -> assertThat(event.data()).containsEntry("date", "2024-06-03")
                        .containsEntry("close", "20.10").containsEntry("revision", 1))
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        // a new subscription starts after what is already applied
        Flux<ServerSentEvent<Map<String, Object>>> fresh = bars(null);
        StepVerifier.create(fresh)
                .then(() -> s.ingest(accepted(bar("2024-06-05", "20", "21", "19", "20.70", 10))))
                .assertNext(event -> assertThat(event.data()).containsEntry("date", "2024-06-05"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    private Flux<ServerSentEvent<Map<String, Object>>> bars(String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/v1/instruments/STRM/bars/stream")
                .accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null);
    }
}
