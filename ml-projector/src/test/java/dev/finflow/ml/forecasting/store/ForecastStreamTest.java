package dev.finflow.ml.forecasting.store;

import dev.finflow.ml.forecasting.domain.Forecast;
import dev.finflow.ml.MlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast stream over real HTTP: without {@code Last-Event-ID} it opens with the current state (each symbol's
 * newest forecasts), with it the forecasts stored after that id; then new ones, each once. A bad id is a 400
 * problem; a subscriber that lets its buffer fill is cut off instead of growing the memory.
 */
@MlTest
class ForecastStreamTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ForecastTable table;
    @Autowired
    ForecastStream stream;

    @Test
    void withoutLastEventIdAClientGetsTheCurrentForecastsThenNewOnesOnce() {
        String model = model("SSEA");
        insert(model, "SSEA", "2024-01-02", 1);
        insert(model, "SSEA", "2024-01-02", 2);
        long c = insert(model, "SSEA", "2024-01-03", 1);
        long d = insert(model, "SSEA", "2024-01-03", 2);

        try (Stream<Long> events = ids(connect(null), "SSEA")) {
            Iterator<Long> ids = events.iterator();
            assertThat(List.of(ids.next(), ids.next())).containsExactly(c, d);
            long e = publish(model, "SSEA", "2024-01-04", 1);
            assertThat(ids.next()).isEqualTo(e);
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedThenNewOnesOnce() {
        String model = model("SSEB");
        long a = insert(model, "SSEB", "2024-01-02", 1);
        long b = insert(model, "SSEB", "2024-01-02", 2);
        long c = insert(model, "SSEB", "2024-01-03", 1);

        try (Stream<Long> events = ids(connect(a), "SSEB")) {
            Iterator<Long> ids = events.iterator();
            assertThat(List.of(ids.next(), ids.next())).containsExactly(b, c);
            long d = publish(model, "SSEB", "2024-01-04", 1);
            long e = publish(model, "SSEB", "2024-01-04", 2);
            assertThat(List.of(ids.next(), ids.next())).containsExactly(d, e);
        }
    }

    @Test
    void aLastEventIdThatIsNoForecastIdIsABadRequest() {
        for (String bad : List.of("abc", "-1", "1.5")) {
            http.get().uri("/api/v1/forecasts/stream").header("Last-Event-ID", bad)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter");
        }
    }

    @Test
    void aSubscriberThatFallsTheWholeBufferBehindIsCutOff() throws Exception {
        long after = 1_000_000_000L; // no stored forecast: the subscriber waits on live ones
        CountDownLatch ended = new CountDownLatch(1);
        List<Forecast> received = new ArrayList<>();
        stream.flux(after).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // reads nothing, as a client whose connection does not drain
            }

            @Override
            protected void hookOnNext(Forecast forecast) {
                received.add(forecast);
            }

            @Override
            protected void hookFinally(SignalType type) {
                ended.countDown();
            }
        });
        Thread.sleep(500); // the table read (empty) is done and the subscriber waits on the live buffer
        for (int i = 1; i <= ForecastStream.BUFFER; i++) {
            stream.publish(forecast(after + i));
        }
        assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("ended with a full buffer").isFalse();

        stream.publish(forecast(after + ForecastStream.BUFFER + 1));

        assertThat(ended.await(5, TimeUnit.SECONDS)).as("cut off one past the buffer").isTrue();
        assertThat(received).isEmpty();
    }

    private Flux<ServerSentEvent<Map<String, Object>>> connect(Long lastEventId) {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri("/api/v1/forecasts/stream")
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", String.valueOf(lastEventId));
                    }
                })
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(EVENT).getResponseBody();
    }

    /** The ids of {@code symbol}'s forecast events, as they arrive (each waits at most 20 s); closing disconnects. */
    private static Stream<Long> ids(Flux<ServerSentEvent<Map<String, Object>>> events, String symbol) {
        return events.filter(e -> "forecast".equals(e.event()) && e.data() != null
                        && symbol.equals(e.data().get("symbol")))
                .map(e -> {
                    assertThat(((Number) e.data().get("id")).longValue()).isEqualTo(Long.parseLong(e.id()));
                    return Long.parseLong(e.id());
                })
                .timeout(Duration.ofSeconds(20)).toStream(1);
    }

    private String model(String symbol) {
        String id = symbol.toLowerCase() + "-close-random_walk-test";
        jdbc.update("insert into ml.model_version (id, kind, target, symbol, params, feature_version, first_position,"
                + " last_position, first_date, last_date, metrics, status) values (?, 'RANDOM_WALK', 'CLOSE', ?,"
                + " '{}', 1, 0, 10, date '2023-01-02', date '2024-01-02', '{}', 'CHAMPION')", id, symbol);
        return id;
    }

    private long insert(String model, String symbol, String origin, int horizon) {
        return table.insert(model, symbol, "CLOSE", LocalDate.parse(origin), horizon, 100 + horizon,
                new double[] {Double.NaN, Double.NaN}, Double.NaN, Double.NaN, null).orElseThrow().id();
    }

    /** Stored and published, as the forecaster does. */
    private long publish(String model, String symbol, String origin, int horizon) {
        Forecast forecast = table.insert(model, symbol, "CLOSE", LocalDate.parse(origin), horizon, 100 + horizon,
                new double[] {Double.NaN, Double.NaN}, Double.NaN, Double.NaN, null).orElseThrow();
        stream.publish(forecast);
        return forecast.id();
    }

    private static Forecast forecast(long id) {
        return new Forecast(id, "m", "SLOW", "CLOSE", LocalDate.of(2024, 1, 2), 1, 1.0, null, null, null, null,
                null, null, null);
    }
}
