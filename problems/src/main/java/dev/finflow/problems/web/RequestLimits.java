package dev.finflow.problems.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses request lines and headers over the limits Netty used to enforce itself (4 KiB, 8 KiB), so that the
 * answer is a problem detail rather than Netty's bare 414 or 431. Netty's own limits are raised to
 * {@link #NETTY_LIMIT} for this; beyond that Netty still answers on its own, without a body.
 */
final class RequestLimits implements WebFilter {

    static final int MAX_URI_LENGTH = 4 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int NETTY_LIMIT = 64 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String uri = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int uriLength = uri.length() + (query == null ? 0 : query.length() + 1);
        if (uriLength > MAX_URI_LENGTH) {
            return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG, "the request URI has "
                    + uriLength + " characters; at most " + MAX_URI_LENGTH + " are accepted"));
        }
        int headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return Mono.error(new ResponseStatusException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request "
                    + "headers have " + headerBytes + " bytes; at most " + MAX_HEADER_BYTES + " are accepted"));
        }
        return chain.filter(exchange);
    }
}
