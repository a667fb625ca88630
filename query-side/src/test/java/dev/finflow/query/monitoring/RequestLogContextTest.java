package dev.finflow.query.monitoring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's correlation id and trace ids reach the log lines Finflow writes for it, although Reactor no longer
 * restores them on every signal ({@code spring.reactor.context-propagation: limited}, which the second test pins):
 * the error logged for an unexpected failure is written where the request's context is restored.
 */
@QuerySideTest
@Import(RequestLogContextTest.Failing.class)
class RequestLogContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Autowired
    WebTestClient http;
    @Autowired
    Failing failing;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.finflow.problems.web.FailureProblems");

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void theErrorLoggedForAnUnexpectedFailureCarriesTheRequestsCorrelationIdAndTrace() {
        http.get().uri("/test/unexpected-failure").header("X-Correlation-Id", "corr-500")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .exchange().expectStatus().isEqualTo(500)
                .expectHeader().valueEquals("X-Correlation-Id", "corr-500");

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("unexpected failure");
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("boom");
            assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", "corr-500")
                    .containsEntry("traceId", TRACE_ID).containsKey("spanId")
                    .doesNotContainEntry("spanId", CALLER_SPAN); // the request's own server span
        });
    }

    @Test
    void theRequestsContextIsNotRestoredOnEverySignal() {
        http.get().uri("/test/unexpected-failure").header("X-Correlation-Id", "corr-plain")
                .exchange().expectStatus().isEqualTo(500);

        assertThat(failing.seenInMap.get()).isEmpty();
        assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry("correlationId", "corr-plain"));
    }

    /** Fails on another thread than the request's, after looking at the log context in a plain operator. */
    @RestController
    static class Failing {

        final AtomicReference<Optional<String>> seenInMap = new AtomicReference<>();

        @GetMapping("/test/unexpected-failure")
        Mono<String> fail() {
            return Mono.just("work").publishOn(Schedulers.parallel()).map(work -> {
                seenInMap.set(Optional.ofNullable(MDC.get("correlationId")));
                throw new IllegalStateException("boom");
            });
        }
    }
}
