package dev.finflow.security;

import dev.finflow.problems.openapi.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * What the service's OpenAPI document says about identity: every operation needs a bearer token from the
 * configured issuer (401 {@code unauthenticated} without one) and may refuse the token's roles (403
 * {@code forbidden}) unless its handler is {@link AnyRole}. The document itself and the Swagger UI are open.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OperationCustomizer.class})
public class SecurityOpenApiConfiguration {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token from the configured issuer (client credentials for scripts)"));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
        };
    }

    @Bean
    OperationCustomizer securityProblems() {
        return (operation, handler) -> {
            ProblemResponses.add(operation, 401, List.of(ProblemAnswers.UNAUTHENTICATED));
            if (!handler.hasMethodAnnotation(AnyRole.class)) {
                ProblemResponses.add(operation, 403, List.of(ProblemAnswers.FORBIDDEN));
            }
            return operation;
        };
    }
}
