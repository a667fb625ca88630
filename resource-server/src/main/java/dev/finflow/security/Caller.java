package dev.finflow.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the verified token only: {@code id} is the token's subject (an opaque user id, or a
 * client id for scripts), never a name or an email, and never anything the request says about itself.
 */
public record Caller(String id, Set<String> authorities) {

    /** The caller of the current request; empty outside an authenticated request. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> new Caller(authentication.getName(), authentication.getAuthorities()
                        .stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet())));
    }

    public boolean hasRole(dev.finflow.events.identity.Role role) {
        return authorities.contains("ROLE_" + role.name());
    }
}
