package dev.finflow.query.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every refused query into an RFC 9457 problem detail whose {@code type} names the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<ProblemDetail> refused(QueryRefused refused) {
        Problem problem = refused.problem();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), refused.getMessage());
        body.setType(problem.type());
        body.setTitle(problem.title());
        if (refused.parameter() != null) {
            body.setProperty("parameter", refused.parameter());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        if (problem == Problem.PROJECTION_BEHIND) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(body);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException failure) {
        if (failure instanceof QueryRefused refused) {
            return refused(refused);
        }
        if (failure instanceof ErrorResponse framework) {
            return ResponseEntity.status(framework.getStatusCode()).body(framework.getBody());
        }
        log.error("unexpected failure", failure);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred"));
    }
}
