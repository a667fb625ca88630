package dev.finflow.security;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.web.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * 401, 403 (a browser session's expired sign-in and missing CSRF token included) and the firewall's 400 as RFC
 * 9457 problem details in the shape every other Finflow refusal has (type, title, status,
 * detail, rule), plus the {@code WWW-Authenticate} challenge RFC 6750 asks for. The detail never echoes the token.
 */
final class ProblemAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required",
            HttpStatus.UNAUTHORIZED);
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed for your roles",
            HttpStatus.FORBIDDEN);
    static final ProblemType REJECTED = ProblemType.of(RequestRule.MALFORMED_REQUEST);
    static final ProblemType SIGN_IN_EXPIRED = new ProblemType("sign-in-expired", "Sign-in expired",
            HttpStatus.UNAUTHORIZED);
    static final ProblemType CSRF_TOKEN_INVALID = new ProblemType("csrf-token-invalid",
            "Missing or wrong CSRF token", HttpStatus.FORBIDDEN);

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof SignInExpired) {
            return write(exchange, SIGN_IN_EXPIRED, failure.getMessage());
        }
        boolean presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        return write(exchange, UNAUTHENTICATED, presented
                ? "the bearer token is not valid here (signature, issuer or expiry)"
                : "this endpoint needs a bearer token from the configured issuer");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return write(exchange, CSRF_TOKEN_INVALID, "a request that changes state with a session cookie needs "
                    + "the X-XSRF-TOKEN header, equal to the XSRF-TOKEN cookie");
        }
        return write(exchange, FORBIDDEN, "your roles do not allow " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value());
    }

    /** The firewall's refusal (encoded slashes, {@code ..}, control characters in the path): a 400 as any bad input. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return write(exchange, REJECTED, rejected.getMessage());
    }

    private static Mono<Void> write(ServerWebExchange exchange, ProblemType problem, String detail) {
        String body = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + json(problem.title())
                + "\",\"status\":" + problem.status().value() + ",\"detail\":\"" + json(detail)
                + "\",\"instance\":\"" + json(exchange.getRequest().getPath().value()) + "\",\"rule\":\""
                + problem.rule() + "\"}";
        exchange.getResponse().setStatusCode(problem.status());
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
