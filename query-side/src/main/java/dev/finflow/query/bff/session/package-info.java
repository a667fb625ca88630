/**
 * The browser's signed-in session and its tokens: the {@code finflow.bff.*} properties, where sessions are kept
 * (PostgreSQL), the one client a browser signs in with, how a session becomes the request's bearer token, and how
 * its tokens are revoked on sign-out. The properties sit here, not in {@code config}, because the session classes
 * read them: {@code config} and {@code web} use this package, it uses neither (no cycle).
 */
package dev.finflow.query.bff.session;
