package dev.finflow.query.bff.web;

import dev.finflow.problems.RuleViolation;
import dev.finflow.query.api.QueryRule;
import dev.finflow.query.bff.session.BffProperties;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The browser's way to the other services: {@code /bff/command/**} goes to the command side and {@code /bff/ml/**}
 * to the ml-projector, with the caller's verified access token as the bearer token, so those services decide
 * exactly as for an API client. Only the headers the APIs read go through (never the cookie); the answer comes
 * back as the target gave it, streamed. A target that does not answer is {@code relay-target-unavailable} (503).
 */
@RestController
class Relay {

    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            "X-Correlation-Id");
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG, "X-Correlation-Id");

    private final WebClient http = WebClient.create();
    private final BffProperties bff;

    Relay(BffProperties bff) {
        this.bff = bff;
    }

    // Not in this service's OpenAPI document: what it relays is the command side's and the ml-projector's own.
    @Hidden
    @RequestMapping(path = "/bff/command/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    Mono<ResponseEntity<Flux<DataBuffer>>> command(ServerWebExchange exchange) {
        return relay(exchange, "/bff/command", bff.commandUri(), "the command side");
    }

    @Hidden
    @RequestMapping(path = "/bff/ml/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    Mono<ResponseEntity<Flux<DataBuffer>>> ml(ServerWebExchange exchange) {
        return relay(exchange, "/bff/ml", bff.mlUri(), "the ml-projector");
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> relay(ServerWebExchange exchange, String prefix, URI target,
                                                         String name) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = UriComponentsBuilder.fromUri(target)
                .path(request.getPath().pathWithinApplication().value().substring(prefix.length()))
                .query(request.getURI().getRawQuery())
                .build(true).toUri();
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> ((AbstractOAuth2TokenAuthenticationToken<?>) context.getAuthentication())
                        .getToken().getTokenValue())
                .flatMap(token -> http.method(request.getMethod()).uri(uri)
                        .headers(headers -> {
                            REQUEST_HEADERS.forEach(header -> copy(request.getHeaders(), headers, header));
                            headers.setBearerAuth(token);
                        })
                        .body(request.getBody(), DataBuffer.class)
                        .retrieve()
                        .onStatus(status -> true, answer -> Mono.empty())
                        .toEntityFlux(DataBuffer.class)
                        .timeout(bff.relayTimeout()))
                .map(answer -> {
                    HttpHeaders headers = new HttpHeaders();
                    RESPONSE_HEADERS.forEach(header -> copy(answer.getHeaders(), headers, header));
                    return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
                })
                .onErrorMap(failure -> failure instanceof WebClientRequestException
                                || failure instanceof TimeoutException,
                        failure -> new RuleViolation(QueryRule.RELAY_TARGET_UNAVAILABLE, name + " did not answer at "
                                + target + " (" + failure.getClass().getSimpleName() + ")"));
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String header) {
        List<String> values = from.get(header);
        if (values != null) {
            to.put(header, values);
        }
    }
}
