package dev.finflow.runtime.observability;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request one correlation id before anything handles it: the {@code X-Correlation-Id} header
 * when the client sent a well-formed one, else a new UUID written into the request (so the command side records
 * that same id on the events the request causes) and echoed in the response. The id travels in the Reactor
 * context; where a line is logged for the request with that context restored (Reactor's {@code handle} and
 * {@code tap}, a {@code ContextSnapshot}), it is in the MDC of the thread that logs. It is not restored on every
 * signal ({@code spring.reactor.context-propagation: limited}). A malformed header is left alone for the command
 * API to refuse; it never reaches a log line.
 */
final class CorrelationWebFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (sent != null && !sent.isEmpty() && !WELL_FORMED.matcher(sent).matches()) {
            return chain.filter(exchange);
        }
        String correlationId = sent == null || sent.isEmpty() ? UUID.randomUUID().toString() : sent;
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, correlationId)).build();
        exchange.getResponse().getHeaders().set(HEADER, correlationId);
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(context -> context.put(CorrelationLogContext.KEY, correlationId));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
