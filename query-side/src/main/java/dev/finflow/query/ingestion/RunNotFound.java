package dev.finflow.query.ingestion;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** No ingestion run has that id: 404 with the stable problem type {@code ingestion-run-not-found}. */
final class RunNotFound extends ErrorResponseException {

    RunNotFound(String runId) {
        super(HttpStatus.NOT_FOUND, problem(runId), null);
    }

    private static ProblemDetail problem(String runId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no ingestion run has the id '" + runId + "'");
        problem.setType(URI.create("https://finflow.dev/problems/ingestion-run-not-found"));
        problem.setTitle("Ingestion run not found");
        problem.setProperty("runId", runId);
        return problem;
    }
}
