package dev.finflow.problems.web;

import org.springframework.core.ResolvableType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The last resort for failures no controller advice sees (a web filter's refusal, a route no handler serves in
 * some setups): the same problem details, written with the application's own JSON codec. Runs before Spring
 * Boot's error handler, which would answer a non-problem JSON.
 */
final class ProblemExceptionHandler implements WebExceptionHandler {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final FailureProblems problems;
    private final ServerCodecConfigurer codecs;

    ProblemExceptionHandler(FailureProblems problems, ServerCodecConfigurer codecs) {
        this.problems = problems;
        this.codecs = codecs;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return problems.answerInRequest(failure).flatMap(answer -> {
            exchange.getResponse().setStatusCode(answer.getStatusCode());
            exchange.getResponse().getHeaders().putAll(answer.getHeaders());
            ProblemDetail body = answer.getBody();
            body.setInstance(exchange.getRequest().getURI());
            return write(exchange, body);
        });
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail body) {
        var contentType = exchange.getResponse().getHeaders().getContentType();
        for (HttpMessageWriter<?> writer : codecs.getWriters()) {
            if (writer.canWrite(PROBLEM, contentType)) {
                return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(body), PROBLEM, contentType,
                        exchange.getResponse(), Map.of());
            }
        }
        return Mono.error(new IllegalStateException("no writer for " + contentType));
    }
}
