package dev.finflow.command.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with the metadata headers every command accepts. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // RequestMetadata comes from headers (see RequestMetadataResolver), not from the query string.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestMetadata.class);
    }

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info().title("Finflow command API").version("v1")
                .description("Commands that change accounts and transfers. Every write answers with the event "
                        + "store position of its last event; errors are RFC 9457 problem details whose type names "
                        + "the rule broken."));
    }

    @Bean
    OperationCustomizer metadataHeaders() {
        return (operation, handler) -> operation
                .addParametersItem(new HeaderParameter().name(RequestMetadataResolver.USER_HEADER)
                        .description("Who sends the command (until authentication arrives)")
                        .schema(new StringSchema()))
                .addParametersItem(new HeaderParameter().name(RequestMetadataResolver.CORRELATION_HEADER)
                        .description("Correlation id to carry into the events; generated when absent")
                        .schema(new StringSchema()));
    }
}
