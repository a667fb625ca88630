package dev.finflow.query.api;

import dev.finflow.problems.openapi.ServiceApi;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The query side's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}); the
 * problems each operation can answer come from its handler's {@link dev.finflow.problems.openapi.Raises}, and the
 * parameters every read shares are described once here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The parameters reads share, by name: what they mean and an example. */
    private static final Map<String, String[]> SHARED = Map.of(
            "minPosition", new String[]{"Wait (up to the read-your-writes timeout) until this position, from a "
                    + "command's answer, is applied", "42"},
            "asOf", new String[]{"Effective date (YYYY-MM-DD); today when left out", "2024-03-31"},
            "knownAt", new String[]{"Count only what was recorded up to this instant (ISO-8601)",
                    "2024-04-01T00:00:00Z"},
            "limit", new String[]{"Page size, 1 to " + Params.MAX_LIMIT + "; " + Params.DEFAULT_LIMIT
                    + " when left out", "100"},
            "cursor", new String[]{"The previous page's `nextCursor`", "42"});

    @Bean
    ServiceApi queryApi() {
        return new ServiceApi("Finflow query API", "v1", "What the events say: holdings, monthly balances, "
                + "transactions and valuations of accounts, price bars and their quality verdicts, ingestion runs, the "
                + "audit trail and the lineage of a figure, and the projections' administration. Reads take "
                + "`minPosition` (a command's answer) to read your own write, `asOf` (effective date) and `knownAt` "
                + "(recorded up to) for time travel. Refusals are RFC 9457 problem details "
                + "(`application/problem+json`) whose `rule` names the rule broken; each operation lists the rules it "
                + "can answer.", List.of(QueryRule.class));
    }

    @Bean
    OperationCustomizer sharedParameters() {
        return (operation, handler) -> {
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            for (Parameter parameter : parameters) {
                String[] shared = SHARED.get(parameter.getName());
                if (shared != null && "query".equals(parameter.getIn()) && parameter.getDescription() == null) {
                    parameter.description(shared[0]).example(shared[1]);
                }
            }
            return operation;
        };
    }
}
