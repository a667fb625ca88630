package dev.finflow.query.dashboard;

import dev.finflow.events.identity.Role;
import dev.finflow.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The dashboard's shell and its scripts and styles are open (they hold no data); Operations is for admins. */
@Configuration(proxyBeanMethods = false)
class DashboardAccess {

    @Bean
    AccessRules dashboardAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/operations").hasRole(Role.ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/", "/portfolio/*", "/transactions/*", "/balances/*", "/instruments",
                        "/instruments/*", "/quality", "/models", "/assets/**").permitAll();
    }
}
