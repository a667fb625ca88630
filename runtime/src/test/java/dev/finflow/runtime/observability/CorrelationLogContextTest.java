package dev.finflow.runtime.observability;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation id reaches the log context from a handled message, and from an HTTP request wherever a line is
 * logged with the request's context restored (Reactor's {@code handle}), on any thread. Automatic propagation stays
 * off, as in the services ({@code spring.reactor.context-propagation: limited}).
 */
class CorrelationLogContextTest {

    @BeforeAll
    static void contextPropagation() {
        new ObservabilityConfiguration(); // registers the MDC accessor
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void anEventsCorrelationIdIsInTheLogContextWhileItIsHandledAndThePreviousOneAfter() throws Exception {
        MDC.put("correlationId", "outer");
        Message<?> event = GenericEventMessage.asEventMessage("payload")
                .withMetaData(MetaData.with("correlationId", "corr-42"));
        AtomicReference<String> seen = new AtomicReference<>();

        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        new CorrelationLogContext().handle(unitOfWork, () -> {
            seen.set(MDC.get("correlationId"));
            return null;
        });
        unitOfWork.commit();

        assertThat(seen.get()).isEqualTo("corr-42");
        assertThat(MDC.get("correlationId")).isEqualTo("outer");
    }

    @Test
    void aRequestsCorrelationHeaderIsInTheLogContextWhereItIsRestoredOnAnotherThreadAndIsEchoed() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header("X-Correlation-Id", "req-7"));
        AtomicReference<String> seen = new AtomicReference<>();

        new CorrelationWebFilter().filter(exchange, next -> Mono.just("work").subscribeOn(Schedulers.boundedElastic())
                .handle((work, sink) -> seen.set(MDC.get("correlationId"))).then()).block();

        assertThat(seen.get()).isEqualTo("req-7");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Correlation-Id")).isEqualTo("req-7");
    }

    @Test
    void aRequestWithoutOneGetsANewIdThatHandlersSeeInTheHeaderAndTheLogContext() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/x"));
        AtomicReference<String> header = new AtomicReference<>();
        AtomicReference<String> logged = new AtomicReference<>();

        new CorrelationWebFilter().filter(exchange, next -> Mono.just("work").publishOn(Schedulers.parallel())
                .handle((work, sink) -> {
                    header.set(next.getRequest().getHeaders().getFirst("X-Correlation-Id"));
                    logged.set(MDC.get("correlationId"));
                }).then()).block();

        assertThat(header.get()).matches("[0-9a-f-]{36}");
        assertThat(logged.get()).isEqualTo(header.get());
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Correlation-Id")).isEqualTo(header.get());
    }

    @Test
    void aMalformedHeaderNeverReachesTheLogContext() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header("X-Correlation-Id", "bad value\nforged=1"));
        AtomicReference<String> seen = new AtomicReference<>("unset");

        new CorrelationWebFilter().filter(exchange, next -> Mono.just("work")
                .handle((work, sink) -> seen.set(MDC.get("correlationId"))).then()).block();

        assertThat(seen.get()).isNull();
    }
}
