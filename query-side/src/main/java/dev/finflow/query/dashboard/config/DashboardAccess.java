package dev.finflow.query.dashboard.config;

import dev.finflow.events.identity.Role;
import dev.finflow.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

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

    /**
     * The scripts, styles and ECharts, before the one chain of every service: a page load asks for a dozen of them,
     * and that chain would read the browser's session from PostgreSQL and verify its token for each. They hold no
     * data, so nothing here looks at who asks. Nor are they marked {@code no-store} (the other chains' default, right
     * for data): the browser keeps them and asks whether they changed ({@code Cache-Control: no-cache}, set with
     * {@code spring.web.resources.cache}), so a page load neither fetches ECharts' 1 MB again nor compiles it again.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain dashboardAssets(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/assets/**",
                        "/webjars/**"))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
