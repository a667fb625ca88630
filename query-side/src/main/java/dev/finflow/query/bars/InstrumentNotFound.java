package dev.finflow.query.bars;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A query named a symbol no instrument was registered for: 404 with the stable problem type
 * {@code instrument-not-found}. An {@link org.springframework.web.ErrorResponse}, so the query side's problem
 * advice renders it as it is.
 */
public final class InstrumentNotFound extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://finflow.dev/problems/instrument-not-found");

    public InstrumentNotFound(String symbol) {
        super(HttpStatus.NOT_FOUND, problem(symbol), null);
    }

    private static ProblemDetail problem(String symbol) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no instrument is registered under the symbol '" + symbol + "'");
        problem.setType(TYPE);
        problem.setTitle("Instrument not found");
        problem.setProperty("symbol", symbol);
        return problem;
    }
}
