package dev.finflow.command.api;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.openapi.ServiceApi;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command side's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every
 * command accepts a correlation id header; the problems each one can answer come from its handler's
 * {@link dev.finflow.problems.openapi.Raises}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // RequestMetadata comes from headers (see RequestMetadataResolver), not from the query string.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestMetadata.class);
    }

    @Bean
    ServiceApi commandApi() {
        return new ServiceApi("Finflow command API", "v1", "Commands that change accounts, transfers, instruments "
                + "and ingestion runs. A write answers 201 with the event store position of its last event (give it "
                + "to the query side as `minPosition` to read your write), or 200 when the same id with the same "
                + "content was recorded before. Refusals are RFC 9457 problem details (`application/problem+json`) "
                + "whose `rule` names the rule broken; each operation lists the rules it can answer.",
                List.of(CommandRule.class));
    }

    @Bean
    OperationCustomizer metadataHeaders() {
        return (operation, handler) -> operation
                .addParametersItem(new HeaderParameter().name(RequestMetadataResolver.CORRELATION_HEADER)
                        .description("Correlation id to carry into the events; generated when absent")
                        .schema(new StringSchema().example("3f0c9b1e-7d7a-4c52-9a43-1f2f4b7b8e10")));
    }
}
