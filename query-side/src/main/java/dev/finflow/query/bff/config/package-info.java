/**
 * The wiring of the backend-for-frontend: Spring Session over the session store, and the security chain's browser
 * sign-in (authorization code with PKCE, the session cookie's CSRF rule, the session's token as the bearer token).
 * It assembles {@code session}; nothing uses it.
 */
package dev.finflow.query.bff.config;
