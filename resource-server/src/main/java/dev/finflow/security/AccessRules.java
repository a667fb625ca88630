package dev.finflow.security;

import dev.finflow.events.identity.Role;
import org.springframework.security.config.web.server.ServerHttpSecurity;

import java.util.Arrays;

/**
 * A service's own rules: which role may call which of its endpoints. Each service declares one bean; the shared
 * filter chain applies the named open paths first and, after the service's rules, lets only an admin reach a
 * path no rule names (so a new endpoint is closed until someone decides who may use it).
 */
@FunctionalInterface
public interface AccessRules {

    void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);

    /** The role names {@code hasAnyRole} wants. */
    static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** Every role a person or script signs in with (not {@link Role#METRICS}, a scraper's). */
    static String[] anyUser() {
        return names(Role.OWNER, Role.VIEWER, Role.AUDITOR, Role.MARKET_DATA, Role.ADMIN);
    }
}
