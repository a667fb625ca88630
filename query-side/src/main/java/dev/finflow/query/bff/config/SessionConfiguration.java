package dev.finflow.query.bff.config;

import dev.finflow.query.bff.session.BffProperties;
import dev.finflow.query.bff.session.SessionStore;
import dev.finflow.runtime.store.DatabaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * WebFlux sessions through Spring Session, stored by {@link SessionStore}. The cookie is HttpOnly (no script reads
 * it), SameSite=Lax (no cross-site POST carries it), Secure whenever the request came over HTTPS, and a session
 * cookie (gone when the browser closes); the session's idle timeout ends it on the server.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    SessionStore sessionStore(DatabaseClient db, DatabaseProperties database, BffProperties bff) {
        return new SessionStore(db, database, bff);
    }

    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(SessionStore.COOKIE);
        cookies.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        return cookies;
    }
}
