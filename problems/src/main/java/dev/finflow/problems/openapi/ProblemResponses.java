package dev.finflow.problems.openapi;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds to each operation the problem responses its handler can answer, one per status, each naming its problem
 * types in the description and in the {@code x-problem-types} extension (rule ids, the last segment of the
 * {@code type} URI).
 */
public final class ProblemResponses implements OperationCustomizer {

    /** The schema every problem response refers to. */
    public static final String PROBLEM_SCHEMA = "Problem";
    /** The extension listing an operation's problem types (rule ids) under each status. */
    public static final String PROBLEM_TYPES = "x-problem-types";

    private final Map<String, ProblemType> registry;

    ProblemResponses(Map<String, ProblemType> registry) {
        this.registry = registry;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<String> ids = new ArrayList<>();
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            ids.add(RequestRule.MALFORMED_REQUEST.id());
        }
        Raises raises = handler.getMethodAnnotation(Raises.class);
        if (raises != null) {
            ids.addAll(List.of(raises.value()));
        }
        Map<Integer, List<ProblemType>> byStatus = new LinkedHashMap<>();
        for (String id : ids.stream().distinct().toList()) {
            ProblemType type = registry.get(id);
            if (type == null) {
                throw new IllegalStateException(handler.getShortLogMessage() + " raises '" + id
                        + "', which no rule of this service defines");
            }
            byStatus.computeIfAbsent(type.status().value(), status -> new ArrayList<>()).add(type);
        }
        byStatus.forEach((status, types) -> add(operation, status, types));
        return operation;
    }

    /** Adds (or extends) the problem response of {@code status} with these problem types. */
    public static void add(Operation operation, int status, List<ProblemType> types) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = String.valueOf(status);
        ApiResponse response = operation.getResponses().get(code);
        List<String> rules = new ArrayList<>();
        if (response != null && response.getExtensions() != null
                && response.getExtensions().get(PROBLEM_TYPES) instanceof List<?> known) {
            known.forEach(rule -> rules.add((String) rule));
        }
        types.stream().map(ProblemType::rule).filter(rule -> !rules.contains(rule)).forEach(rules::add);
        String description = types.stream().map(type -> "`" + type.rule() + "`: " + type.title())
                .collect(Collectors.joining("; "));
        ApiResponse problem = new ApiResponse()
                .description(response == null || response.getExtensions() == null ? description
                        : response.getDescription() + "; " + description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        problem.addExtension(PROBLEM_TYPES, rules);
        operation.getResponses().addApiResponse(code, problem);
    }
}
