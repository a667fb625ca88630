package dev.finflow.query.bff;

import dev.finflow.problems.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * The browser session's own refusals, as problem details like every other: {@code sign-in-expired} (401) when the
 * session's tokens can no longer be refreshed, {@code csrf-token-invalid} (403) when a state-changing request
 * rides on the session cookie without the CSRF header. Every other 401 is the shared resource server's.
 */
final class SignInProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final ProblemType SIGN_IN_EXPIRED = new ProblemType("sign-in-expired", "Sign-in expired",
            HttpStatus.UNAUTHORIZED);
    static final ProblemType CSRF_TOKEN_INVALID = new ProblemType("csrf-token-invalid",
            "Missing or wrong CSRF token", HttpStatus.FORBIDDEN);

    private final ServerAuthenticationEntryPoint others;

    SignInProblems(ServerAuthenticationEntryPoint others) {
        this.others = others;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof SignInExpired) {
            return write(exchange, SIGN_IN_EXPIRED, "the sign-in of this session has expired or was revoked: "
                    + "sign in again");
        }
        return others.commence(exchange, failure);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, CSRF_TOKEN_INVALID, "a request that changes state with the session cookie needs the "
                + "X-XSRF-TOKEN header, equal to the XSRF-TOKEN cookie");
    }

    private static Mono<Void> write(ServerWebExchange exchange, ProblemType problem, String detail) {
        // Only constants go into the body: nothing from the request is echoed.
        String body = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                + problem.status().value() + ",\"detail\":\"" + detail + "\",\"rule\":\"" + problem.rule() + "\"}";
        exchange.getResponse().setStatusCode(problem.status());
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                .wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
