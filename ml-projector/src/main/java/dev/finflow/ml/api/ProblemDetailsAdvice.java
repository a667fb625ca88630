package dev.finflow.ml.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** RFC 9457 problem details whose {@code type} names the rule broken, with the offending {@code parameter}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem refused) {
        return problem(refused.problem(), refused.getMessage(), refused.parameter());
    }

    /** A parameter that does not convert (a date that is not a date, a target that does not exist). */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException input) {
        String parameter = input.getMethodParameter() == null ? null
                : input.getMethodParameter().getParameterName();
        return problem(Problem.INVALID_PARAMETER, input.getReason(), parameter);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException failure) {
        if (failure instanceof ErrorResponse framework) {
            return ResponseEntity.status(framework.getStatusCode()).body(framework.getBody());
        }
        log.error("unexpected failure", failure);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred"));
    }

    private static ResponseEntity<ProblemDetail> problem(Problem rule, String detail, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rule.status()), detail);
        problem.setType(rule.type());
        problem.setTitle(rule.title());
        problem.setProperty("rule", rule.id());
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return ResponseEntity.status(rule.status()).body(problem);
    }
}
