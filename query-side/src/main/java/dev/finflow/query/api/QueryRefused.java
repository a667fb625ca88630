package dev.finflow.query.api;

/** A query refused for a named reason; the advice turns it into a problem detail. */
public final class QueryRefused extends RuntimeException {

    private final Problem problem;
    private final String parameter;

    public QueryRefused(Problem problem, String detail, String parameter) {
        super(detail, null, false, false);
        this.problem = problem;
        this.parameter = parameter;
    }

    public QueryRefused(Problem problem, String detail) {
        this(problem, detail, null);
    }

    public Problem problem() {
        return problem;
    }

    public String parameter() {
        return parameter;
    }
}
