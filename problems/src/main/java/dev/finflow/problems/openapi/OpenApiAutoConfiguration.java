package dev.finflow.problems.openapi;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.Rule;
import dev.finflow.problems.web.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI document of a service that declares a {@link ServiceApi}: its title, version and description, the
 * problem detail schema, and on each operation the problems its handler can answer ({@link ProblemResponses}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnBean(ServiceApi.class)
public class OpenApiAutoConfiguration {

    @Bean
    OpenAPI serviceOpenApi(ServiceApi api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .components(new Components().addSchemas(ProblemResponses.PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    ResponseSchemas responseSchemas() {
        return new ResponseSchemas();
    }

    @Bean
    ProblemResponses problemResponses(ServiceApi api) {
        List<Class<? extends Rule>> rules = new ArrayList<>(api.rules());
        rules.add(RequestRule.class);
        @SuppressWarnings("unchecked")
        Class<? extends Rule>[] enums = rules.toArray(Class[]::new);
        return new ProblemResponses(ProblemType.registry(enums));
    }

    /** RFC 9457 problem details as every Finflow service writes them, with the rule and the field at fault. */
    private static ObjectSchema problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem detail; `rule` (the last segment of `type`) names the rule broken");
        problem.addProperty("type", new StringSchema().format("uri")
                .example("https://finflow.dev/problems/insufficient-cash"));
        problem.addProperty("title", new StringSchema().example("Not enough cash"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema()
                .example("withdrawing 500.00 EUR would leave -380.00 EUR; the overdraft limit is 0.00 EUR"));
        problem.addProperty("instance", new StringSchema().example("/api/v1/accounts/a-1/transactions"));
        problem.addProperty("rule", new StringSchema().example("insufficient-cash"));
        problem.addProperty("field", new StringSchema().description("The request field or parameter at fault")
                .example("amount"));
        problem.addProperty("index", new IntegerSchema().description("The position of the refused item in a batch")
                .example(3));
        problem.setRequired(List.of("type", "title", "status", "rule"));
        return problem;
    }
}
