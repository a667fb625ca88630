package dev.finflow.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A browser session's sign-in can no longer be renewed (its refresh token expired or was revoked, or the user was
 * disabled), or a sign-in did not complete: answered {@code 401 sign-in-expired}, so the page knows to sign in
 * again rather than that it lacked a token. The detail is the service's own sentence, never anything the request
 * or the issuer said.
 */
public class SignInExpired extends AuthenticationException {

    public SignInExpired(String detail, Throwable cause) {
        super(detail, cause);
    }
}
