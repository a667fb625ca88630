package dev.finflow.problems.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks every property of every schema an answer uses as required: the services write every field of an answer,
 * null or not (no {@code NON_NULL} inclusion), so a client may rely on each key being there. A field that may be
 * null says so in its own schema ({@code types = {"string", "null"}}, also on an object field). Request schemas
 * keep their own {@code required} lists: what a client must send.
 */
final class ResponseSchemas implements OpenApiCustomizer {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                || openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openApi.getComponents().getSchemas();
        Deque<Schema<?>> pending = new ArrayDeque<>();
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                for (ApiResponse response : operation.getResponses().values()) {
                    if (response.getContent() != null && response.getExtensions() == null) {
                        response.getContent().values().stream().map(MediaType::getSchema)
                                .filter(schema -> schema != null).forEach(pending::add);
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                if (seen.add(name) && components.get(name) != null) {
                    pending.add(components.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                schema.getProperties().replaceAll((name, property) -> nullableReference(property));
                schema.getProperties().values().forEach(pending::add);
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                pending.add(values);
            }
            for (List<Schema> composed : composedOf(schema)) {
                composed.forEach(pending::add);
            }
        }
    }

    /** A nullable reference ({@code types = {"object", "null"}} on an object field): the object or null. */
    private static Schema nullableReference(Schema<?> property) {
        boolean nullable = Boolean.TRUE.equals(property.getNullable())
                || property.getTypes() != null && property.getTypes().contains("null");
        if (property.get$ref() == null || !nullable) {
            return property;
        }
        Schema<Object> either = new Schema<>();
        either.description(property.getDescription());
        either.anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
        return either;
    }

    private static List<List<Schema>> composedOf(Schema<?> schema) {
        List<List<Schema>> parts = new ArrayList<>();
        for (List<Schema> part : new List[]{schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }
}
