package dev.finflow.query.bff.config;

import dev.finflow.query.bff.session.BffProperties;
import dev.finflow.query.bff.session.SessionBearer;
import dev.finflow.query.bff.session.SessionStore;
import dev.finflow.query.bff.session.SignInRegistration;
import dev.finflow.security.AccessRules;
import dev.finflow.security.ChainExtension;
import dev.finflow.security.SignInExpired;
import dev.finflow.security.IdentityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * The backend-for-frontend: a browser signs in here (authorization code with PKCE against the issuer, started at
 * {@code /bff/login/finflow}) and from then on carries only an HttpOnly session cookie, which an
 * {@code EventSource} sends too. The session keeps the tokens; {@link SessionBearer} turns them into the request's
 * bearer token, so every rule of the resource server applies unchanged. State-changing requests on the cookie need
 * the CSRF header (cookie to header: the page reads {@code XSRF-TOKEN} and sends {@code X-XSRF-TOKEN}); requests
 * with an {@code Authorization} header carry no ambient credential and need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BffProperties.class)
class BrowserSignInConfiguration {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /** Anyone signed in may ask who they are and sign out; the relays let the target service decide by role. */
    @Bean
    AccessRules bffAccessRules() {
        return exchanges -> exchanges
                .pathMatchers("/bff/session", "/bff/logout").authenticated()
                .pathMatchers("/bff/command/**", "/bff/ml/**").hasAnyRole(AccessRules.anyUser());
    }

    @Bean
    SignInRegistration signInRegistration(IdentityProperties identity, BffProperties bff) {
        return new SignInRegistration(identity, bff);
    }

    /** The tokens live in the session (so in PostgreSQL, see SessionStore), never in this instance's memory. */
    @Bean
    ServerOAuth2AuthorizedClientRepository sessionTokens() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager sessionTokenRefresh(SignInRegistration registration,
                                                             ServerOAuth2AuthorizedClientRepository sessionTokens) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registration, sessionTokens);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    ChainExtension browserSignIn(SignInRegistration registration, ServerOAuth2AuthorizedClientRepository sessionTokens,
                                 ReactiveOAuth2AuthorizedClientManager sessionTokenRefresh,
                                 ServerAuthenticationEntryPoint problems, ServerAccessDeniedHandler refusals,
                                 BffProperties bff) {
        DefaultServerOAuth2AuthorizationRequestResolver start = new DefaultServerOAuth2AuthorizationRequestResolver(
                registration, new PathPatternParserServerWebExchangeMatcher("/bff/login/{registrationId}"));
        CookieServerCsrfTokenRepository csrfCookie = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http -> http
                // The session is not a security context of its own: SessionBearer turns it into a bearer token.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registration)
                        .authorizedClientRepository(sessionTokens)
                        .authorizationRequestResolver(start)
                        .authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(
                                "/bff/login/code/{registrationId}"))
                        // Saving the sign-in in the session gives it a new id (no session fixation).
                        .securityContextRepository(new WebSessionServerSecurityContextRepository())
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(bff.afterSignIn()))
                        .authenticationFailureHandler((attempt, failure) -> problems.commence(attempt.getExchange(),
                                new SignInExpired("the sign-in did not complete: sign in again", failure))))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserSignInConfiguration::ridesOnTheSessionCookie)
                        .accessDeniedHandler(refusals))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new SessionBearer(sessionTokens, sessionTokenRefresh)));
    }

    /** An unsafe method, no Authorization header, and the session cookie: what a forged cross-site form sends. */
    private static Mono<MatchResult> ridesOnTheSessionCookie(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        boolean needsToken = !SAFE.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && request.getCookies().containsKey(SessionStore.COOKIE);
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    }
}
