package dev.finflow.problems.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * The one advice of every Finflow service: whatever a handler throws is answered as the RFC 9457 problem of its
 * rule. Ordered first, so Spring Boot's generic problem-details advice never answers instead.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private final FailureProblems problems;

    ProblemDetailsAdvice(FailureProblems problems) {
        this.problems = problems;
    }

    /** A {@code Mono}, so that the answer is made in the request's Reactor context (the log line of a 500). */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> failed(Exception failure) {
        return problems.answerInRequest(failure);
    }
}
