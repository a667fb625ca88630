package dev.finflow.command.api;

import dev.finflow.command.dispatch.BatchItemFailed;
import dev.finflow.command.problems.Rule;
import dev.finflow.command.problems.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem detail whose {@code type} names the rule broken, with the
 * offending {@code field} and, for batches, the {@code index} of the refused item.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details handler
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        return problem(violation.rule(), violation.getMessage(), violation.field(), null);
    }

    @ExceptionHandler(BatchItemFailed.class)
    ResponseEntity<ProblemDetail> batchItemFailed(BatchItemFailed failure) {
        ResponseEntity<ProblemDetail> item = handle(failure.getCause());
        ProblemDetail problem = item.getBody();
        problem.setDetail("transaction #" + failure.index() + " of the batch: " + problem.getDetail()
                + "; nothing of the batch was recorded");
        problem.setProperty("index", failure.index());
        return item;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing) {
        String id = String.valueOf(missing.getAggregateIdentifier());
        if (id.startsWith("instrument/")) {
            return problem(Rule.INSTRUMENT_NOT_FOUND, "no instrument " + id.substring("instrument/".length())
                    + "; register it first with POST /api/v1/instruments", null, null);
        }
        return problem(Rule.ACCOUNT_NOT_FOUND, "no account " + id, null, null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict) {
        return problem(Rule.CONCURRENT_MODIFICATION, "the account kept changing concurrently; send the request "
                + "again (it is idempotent by transaction id)", null, null);
    }

    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<ProblemDetail> overloaded(RejectedExecutionException rejected) {
        ResponseEntity<ProblemDetail> problem = problem(Rule.UNAVAILABLE, "too many commands are waiting; "
                + "retry shortly", null, null);
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem.getBody());
    }

    @ExceptionHandler({ContentTooLargeException.class, DataBufferLimitException.class})
    ResponseEntity<ProblemDetail> tooLarge(RuntimeException tooLarge) {
        return problem(Rule.PAYLOAD_TOO_LARGE, "the request body is larger than 1 MiB", null, null);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException input) {
        for (Throwable cause = input; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return tooLarge(input);
            }
            if (cause instanceof JacksonException json) {
                String field = json.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return problem(Rule.MALFORMED_REQUEST, (field.isEmpty() ? "" : "field '" + field + "': ")
                        + json.getOriginalMessage(), field.isEmpty() ? null : field, null);
            }
        }
        return problem(Rule.MALFORMED_REQUEST, input.getReason(), null, null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> handle(RuntimeException failure) {
        if (failure instanceof RuleViolation violation) {
            return ruleViolated(violation);
        }
        if (failure instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        if (failure instanceof ConcurrencyException conflict) {
            return conflict(conflict);
        }
        if (failure instanceof ServerWebInputException input) {
            return unreadable(input);
        }
        if (failure instanceof ContentTooLargeException || failure instanceof DataBufferLimitException) {
            return tooLarge(failure);
        }
        if (failure instanceof ErrorResponse framework) {
            // Unsupported media type, method not allowed and the like: Spring's own problem detail.
            return ResponseEntity.status(framework.getStatusCode()).body(framework.getBody());
        }
        log.error("unexpected failure", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; sending the request again with the same transaction id is safe");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(Rule rule, String detail, String field, Integer index) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rule.status()), detail);
        problem.setType(rule.type());
        problem.setTitle(rule.title());
        problem.setProperty("rule", rule.id());
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (index != null) {
            problem.setProperty("index", index);
        }
        return ResponseEntity.status(rule.status()).body(problem);
    }
}
