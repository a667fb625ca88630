package dev.finflow.command.api;

import dev.finflow.events.identity.Role;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds {@link RequestMetadata} for any controller method that asks for it: the principal from the verified
 * token's subject (nothing the request says about itself counts), the correlation id from its header.
 */
final class RequestMetadataResolver implements HandlerMethodArgumentResolver {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern HEADER_VALUE = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(RequestMetadata.class);
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return Caller.current()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("a command without a verified caller")))
                .map(caller -> {
                    String correlationId = header(exchange, CORRELATION_HEADER, UUID.randomUUID().toString());
                    exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
                    return new RequestMetadata(caller.id(), correlationId, Arrays.stream(Role.values())
                            .filter(caller::hasRole).map(Role::claimValue).collect(Collectors.joining(",")));
                });
    }

    private static String header(ServerWebExchange exchange, String name, String fallback) {
        String value = exchange.getRequest().getHeaders().getFirst(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!HEADER_VALUE.matcher(value).matches()) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "header " + name + " must be 1 to 128 of "
                    + "letters, digits and ._@:+-", name);
        }
        return value;
    }
}
