package dev.finflow.security;

import dev.finflow.events.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;

import java.time.Clock;
import java.util.List;

/**
 * The one security set-up of every Finflow service: an OAuth2 resource server that trusts the configured issuer's
 * JWTs, takes the caller's id from the token subject and the roles from the configured claim, and opens only the
 * named exceptions (health probes, the OpenAPI document and its Swagger UI). There is no property that turns it off.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableConfigurationProperties(IdentityProperties.class)
public class ResourceServerAutoConfiguration {

    /** 401, 403 and the firewall's refusals, all as problem details (Spring Security picks the last up by type). */
    @Bean
    ProblemAnswers finflowSecurityProblems() {
        return new ProblemAnswers();
    }

    @Bean
    ReactiveJwtDecoder finflowJwtDecoder(IdentityProperties identity) {
        return new CachingJwtDecoder(new IssuerJwtDecoder(identity), Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain finflowSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                           IdentityProperties identity, List<AccessRules> rules,
                                           ObjectProvider<ChainExtension> extensions,
                                           ProblemAnswers problems) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaim(identity.rolesClaim()));
        converter.setPrincipalClaimName("sub");
        http
                // Bearer tokens only: no session, no cookie, so no CSRF to forge (unless an extension adds a session).
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.matchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                            // The API's description and its UI are public; every operation they describe is not.
                            .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs",
                                    "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
                            .pathMatchers("/actuator/prometheus").hasAnyRole(Role.METRICS.name(), Role.ADMIN.name());
                    rules.forEach(rule -> rule.apply(exchanges));
                    exchanges.anyExchange().hasRole(Role.ADMIN.name());
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        extensions.orderedStream().forEach(extension -> extension.apply(http));
        return http.build();
    }
}
