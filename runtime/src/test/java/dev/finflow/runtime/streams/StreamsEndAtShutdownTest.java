package dev.finflow.runtime.streams;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsEndAtShutdownTest {

    @Test
    void anEndlessStreamEndsWhenTheServiceStops() throws Exception {
        StreamsEndAtShutdown streams = new StreamsEndAtShutdown();
        streams.start();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/stream"));
        CompletableFuture<Void> written = streams.filter(exchange, e -> e.getResponse().writeAndFlushWith(
                Flux.interval(Duration.ofMillis(10)).map(i -> Mono.just(DefaultDataBufferFactory.sharedInstance
                        .wrap((":tick " + i + "\n\n").getBytes(StandardCharsets.UTF_8)))))).toFuture();
        Thread.sleep(200);
        assertThat(written).isNotDone();

        streams.stop();

        written.get(2, TimeUnit.SECONDS);
        assertThat(streams.isRunning()).isFalse();
    }
}
