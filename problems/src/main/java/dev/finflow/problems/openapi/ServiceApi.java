package dev.finflow.problems.openapi;

import dev.finflow.problems.Rule;

import java.util.List;

/**
 * What a service says about itself at the top of its OpenAPI document, and the rule enums its handlers raise (the
 * shared {@link dev.finflow.problems.RequestRule} is always included). A service declares one as a bean.
 */
public record ServiceApi(String title, String version, String description, List<Class<? extends Rule>> rules) {
}
