package dev.finflow.query.api;

import dev.finflow.problems.openapi.ServiceApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The query side's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}); the
 * problems each operation can answer come from its handler's {@link dev.finflow.problems.openapi.Raises}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
}
