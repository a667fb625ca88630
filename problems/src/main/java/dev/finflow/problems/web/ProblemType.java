package dev.finflow.problems.web;

import dev.finflow.problems.Kind;
import dev.finflow.problems.Rule;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One entry of the problem registry: the {@code type} URI, {@code title} and {@code status} a rule is answered
 * with. The base of every type URI is written here and nowhere else.
 */
public record ProblemType(String rule, String title, HttpStatus status) {

    private static final String BASE = "https://finflow.dev/problems/";

    /** The problem type of a domain or request rule: its status follows from its kind. */
    public static ProblemType of(Rule rule) {
        return new ProblemType(rule.id(), rule.title(), status(rule.kind()));
    }

    /**
     * The registry of one service: every rule of the given enums and every framework problem, by rule id.
     * Refuses a rule id defined twice, so a copy of a shared rule cannot creep back in.
     */
    @SafeVarargs
    public static Map<String, ProblemType> registry(Class<? extends Rule>... rules) {
        Map<String, ProblemType> registry = new LinkedHashMap<>();
        Stream.concat(Arrays.stream(rules).flatMap(type -> Arrays.stream(type.getEnumConstants())).map(ProblemType::of),
                        Arrays.stream(HttpProblem.values()).map(HttpProblem::type))
                .forEach(type -> {
                    if (registry.putIfAbsent(type.rule(), type) != null) {
                        throw new IllegalStateException("rule '" + type.rule() + "' is defined twice");
                    }
                });
        return registry;
    }

    public URI type() {
        return URI.create(BASE + rule);
    }

    static HttpStatus status(Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
