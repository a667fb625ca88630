package dev.finflow.runtime.streams;

import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every streamed response (Server-Sent Events, NDJSON) when the service shuts down. A stream never completes
 * by itself, so the web server's graceful shutdown, which waits for active requests, waited its whole 30 s for
 * every open stream (Ctrl-C of {@code ./run.sh} took ~40 s with the dashboard open). Streams end first, cleanly;
 * their clients reconnect elsewhere with {@code Last-Event-ID}; ordinary requests keep the whole grace period.
 */
public final class StreamsEndAtShutdown implements WebFilter, SmartLifecycle {

    private final Sinks.One<Boolean> ending = Sinks.one();
    private volatile boolean running;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).takeUntilOther(ending.asMono()));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        ending.tryEmitValue(true);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (its phase is {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
