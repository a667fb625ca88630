package dev.finflow.ml.api;

/** A refused request: which {@link Problem}, why, and the offending parameter if any. */
public final class ApiProblem extends RuntimeException {

    private final Problem problem;
    private final String parameter;

    ApiProblem(Problem problem, String detail, String parameter) {
        super(detail);
        this.problem = problem;
        this.parameter = parameter;
    }

    public Problem problem() {
        return problem;
    }

    public String parameter() {
        return parameter;
    }
}
