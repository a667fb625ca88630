package dev.finflow.problems.web;

import dev.finflow.problems.FailureTranslator;
import dev.finflow.problems.Kind;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * Turns any failure into the problem detail of its rule. Shared by the controller advice and the last-resort
 * exception handler, so an error answers the same whether a controller or a filter raised it.
 */
final class FailureProblems {

    private static final Logger log = LoggerFactory.getLogger(FailureProblems.class);

    private final List<FailureTranslator> translators;

    FailureProblems(List<FailureTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    /**
     * {@link #answer} for a failure of the request being handled, inside Reactor's {@code handle}: there Reactor
     * restores the thread-locals the request's Reactor context holds (the correlation id and the current span, so
     * {@code correlationId}, {@code traceId} and {@code spanId} in the log context), and the error logged for an
     * unexpected failure can be joined with the request. With {@code spring.reactor.context-propagation: limited}
     * (the services' setting) {@code handle} and {@code tap} are the only places Reactor restores them.
     */
    Mono<ResponseEntity<ProblemDetail>> answerInRequest(Throwable failure) {
        return Mono.just(failure).handle((it, sink) -> sink.next(answer(it)));
    }

    ResponseEntity<ProblemDetail> answer(Throwable failure) {
        RuleViolation violation = violation(failure);
        if (violation != null) {
            return answer(ProblemType.of(violation.rule()), violation.getMessage(), violation.field(),
                    violation.index(), HttpHeaders.EMPTY);
        }
        if (failure instanceof ServerWebInputException input) {
            return unreadable(input);
        }
        if (failure instanceof ErrorResponse framework) {
            return framework(framework);
        }
        log.error("unexpected failure", failure);
        return answer(HttpProblem.INTERNAL_ERROR.type(), "an unexpected error occurred; a request that carries an "
                + "id may be sent again safely", null, null, HttpHeaders.EMPTY);
    }

    private RuleViolation violation(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return violation;
        }
        for (FailureTranslator translator : translators) {
            RuleViolation violation = translator.translate(failure);
            if (violation != null) {
                return violation;
            }
        }
        if (failure instanceof RejectedExecutionException) {
            return new RuleViolation(RequestRule.UNAVAILABLE, "too many requests are waiting; retry shortly");
        }
        if (tooLarge(failure)) {
            return new RuleViolation(RequestRule.PAYLOAD_TOO_LARGE, "the request body is larger than this "
                    + "endpoint accepts");
        }
        return null;
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentTooLargeException || cause instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }

    /** A body that is not JSON of the expected shape, or a parameter that does not convert to its type. */
    private ResponseEntity<ProblemDetail> unreadable(ServerWebInputException input) {
        for (Throwable cause = input; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                String field = json.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return answer(ProblemType.of(RequestRule.MALFORMED_REQUEST), (field.isEmpty() ? ""
                        : "field '" + field + "': ") + json.getOriginalMessage(), field.isEmpty() ? null : field,
                        null, HttpHeaders.EMPTY);
            }
        }
        MethodParameter parameter = input.getMethodParameter();
        if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)) {
            return answer(ProblemType.of(RequestRule.MALFORMED_REQUEST), input.getReason(), null, null,
                    HttpHeaders.EMPTY);
        }
        String name = parameter.getParameterName();
        return answer(ProblemType.of(RequestRule.INVALID_PARAMETER), name == null ? input.getReason()
                : "parameter '" + name + "': " + input.getReason(), name, null, HttpHeaders.EMPTY);
    }

    /** Spring's own refusals (no route, method or media type) keep their status and headers, named as rules. */
    private ResponseEntity<ProblemDetail> framework(ErrorResponse framework) {
        int status = framework.getStatusCode().value();
        HttpProblem known = HttpProblem.forStatus(status);
        ProblemType type = known != null ? known.type() : status == 400 ? ProblemType.of(RequestRule.MALFORMED_REQUEST)
                : new ProblemType(slug(framework), framework.getBody().getTitle(), HttpStatus.valueOf(status));
        if (status >= 500) {
            log.error("framework failure", (Throwable) framework);
        }
        return answer(type, framework.getBody().getDetail(), null, null, framework.getHeaders());
    }

    /** A status no problem is registered for is named after its reason phrase, e.g. {@code forbidden}. */
    private static String slug(ErrorResponse framework) {
        String title = framework.getBody().getTitle();
        return title == null ? "http-" + framework.getStatusCode().value()
                : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static ResponseEntity<ProblemDetail> answer(ProblemType type, String detail, String field, Integer index,
                                                HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setProperty("rule", type.rule());
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (index != null) {
            problem.setProperty("index", index);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(type.status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (type.status().value() == ProblemType.status(Kind.UNAVAILABLE).value()) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }
}
