package dev.finflow.query.bff.web;

import dev.finflow.events.identity.Role;
import dev.finflow.query.bff.session.SignInRegistration;
import dev.finflow.query.bff.session.TokenRevocation;
import dev.finflow.security.AnyRole;
import dev.finflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;

/**
 * Who the browser is signed in as, and signing out. {@code GET /bff/session} also hands the page its CSRF cookie
 * ({@code XSRF-TOKEN}) for the state-changing calls that follow.
 */
@RestController
@RequestMapping("/bff")
@Tag(name = "Browser session", description = "The web dashboard's signed-in session (BFF)")
class SessionController {

    /** The signed-in caller: the opaque user id (the token's subject) and the Finflow roles of the token. */
    @Schema(name = "SignedIn")
    record SignedIn(@Schema(example = "3f0c9b1e-7d7a-4c52-9a43-1f2f4b7b8e10") String subject,
                    @Schema(example = "[\"owner\"]") List<String> roles) {
    }

    private final ServerOAuth2AuthorizedClientRepository sessionTokens;
    private final TokenRevocation revocation;

    SessionController(ServerOAuth2AuthorizedClientRepository sessionTokens, TokenRevocation revocation) {
        this.sessionTokens = sessionTokens;
        this.revocation = revocation;
    }

    @Operation(summary = "Who is signed in", description = "Also hands the page its CSRF cookie (XSRF-TOKEN).")
    @AnyRole
    @GetMapping("/session")
    Mono<SignedIn> session(ServerWebExchange exchange) {
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        // Subscribing to the token is what writes its cookie.
        return (csrf == null ? Mono.empty() : csrf.then()).then(Caller.current())
                .map(caller -> new SignedIn(caller.id(), Arrays.stream(Role.values()).filter(caller::hasRole)
                        .map(Role::claimValue).toList()));
    }

    /** Ends the session here and revokes its tokens at the issuer; answers 204 whether a session existed or not. */
    @Operation(summary = "Sign out", description = "Ends the session and revokes its tokens at the issuer.")
    @ApiResponse(responseCode = "204", description = "Signed out (whether a session existed or not)")
    @AnyRole
    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return sessionTokens.<OAuth2AuthorizedClient>loadAuthorizedClient(SignInRegistration.ID, null, exchange)
                .flatMap(revocation::revoke)
                .then(exchange.getSession().flatMap(WebSession::invalidate))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
