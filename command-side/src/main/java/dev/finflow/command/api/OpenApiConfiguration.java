package dev.finflow.command.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: every command needs a bearer token (the caller is its subject)
 * and accepts a correlation id header.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // RequestMetadata comes from headers (see RequestMetadataResolver), not from the query string.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestMetadata.class);
    }

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the configured issuer (client credentials for scripts)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info().title("Finflow command API").version("v1")
                .description("Commands that change accounts and transfers. Every write answers with the event "
                        + "store position of its last event; errors are RFC 9457 problem details whose type names "
                        + "the rule broken."));
    }

    @Bean
    OperationCustomizer metadataHeaders() {
        return (operation, handler) -> operation
                .addParametersItem(new HeaderParameter().name(RequestMetadataResolver.CORRELATION_HEADER)
                        .description("Correlation id to carry into the events; generated when absent")
                        .schema(new StringSchema()));
    }
}
