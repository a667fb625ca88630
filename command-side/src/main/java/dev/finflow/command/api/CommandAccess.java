package dev.finflow.command.api;

import dev.finflow.events.identity.Role;
import dev.finflow.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static dev.finflow.security.AccessRules.names;

/**
 * Who may send which command: owners write to the ledger, owners and admins grant access, market-data operators
 * write instruments and ingestion, admins erase a person's data and anyone with personal data (an owner) exports
 * their own. Which accounts an owner may write is the Account aggregate's decision, from its
 * grants, not a role's.
 */
@Configuration(proxyBeanMethods = false)
class CommandAccess {

    @Bean
    AccessRules commandAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/v1/persons/*/erasure").hasAnyRole(names(Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/v1/persons/*/export").hasAnyRole(names(Role.OWNER, Role.ADMIN))
                .pathMatchers(HttpMethod.POST, "/api/v1/accounts/*/grants").hasAnyRole(names(Role.OWNER, Role.ADMIN))
                .pathMatchers(HttpMethod.DELETE, "/api/v1/accounts/*/grants/*")
                .hasAnyRole(names(Role.OWNER, Role.ADMIN))
                .pathMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/accounts/**", "/api/v1/transfers")
                .hasAnyRole(names(Role.OWNER))
                .pathMatchers(HttpMethod.POST, "/api/v1/instruments", "/api/v1/instruments/**",
                        "/api/v1/ingestion/**")
                .hasAnyRole(names(Role.MARKET_DATA));
    }
}
