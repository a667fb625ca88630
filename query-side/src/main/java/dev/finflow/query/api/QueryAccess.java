package dev.finflow.query.api;

import dev.finflow.events.identity.Role;
import dev.finflow.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static dev.finflow.security.AccessRules.anyUser;
import static dev.finflow.security.AccessRules.names;

/**
 * Who may read what: an account's rows are for owners and viewers (of the accounts granted to them, decided by
 * {@link dev.finflow.query.access.projection.AccountAccess}) and admins, the audit trail for auditors and admins across
 * accounts and for owners and viewers over their granted accounts, lineage for all of them, market data for
 * everyone signed in, ingestion runs for the operators, projection admin for admins; a projection's
 * {@code verify} also for auditors, who reconcile what users read with the events.
 */
@Configuration(proxyBeanMethods = false)
class QueryAccess {

    @Bean
    AccessRules queryAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/v1/accounts/**")
                .hasAnyRole(names(Role.OWNER, Role.VIEWER, Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/v1/lineage/**")
                .hasAnyRole(names(Role.OWNER, Role.VIEWER, Role.AUDITOR, Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/v1/audit/**")
                .hasAnyRole(names(Role.OWNER, Role.VIEWER, Role.AUDITOR, Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/v1/instruments", "/api/v1/instruments/**", "/api/v1/quality")
                .hasAnyRole(anyUser())
                .pathMatchers(HttpMethod.GET, "/api/v1/ingestion/**").hasAnyRole(names(Role.MARKET_DATA, Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/v1/admin/projections/*/verify")
                .hasAnyRole(names(Role.ADMIN, Role.AUDITOR))
                .pathMatchers("/api/v1/admin/**").hasAnyRole(names(Role.ADMIN));
    }
}
