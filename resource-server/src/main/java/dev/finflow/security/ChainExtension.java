package dev.finflow.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * What a service adds to the shared filter chain beyond its {@link AccessRules}, applied last, before the chain is
 * built: the query side's browser sign-in (session cookie, CSRF, the session's token as the bearer token). A
 * service without one is a bearer-token resource server only.
 */
@FunctionalInterface
public interface ChainExtension {

    void apply(ServerHttpSecurity http);
}
