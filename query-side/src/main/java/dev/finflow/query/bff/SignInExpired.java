package dev.finflow.query.bff;

import org.springframework.security.core.AuthenticationException;

/** The session's tokens can no longer be refreshed (refresh token expired or revoked, user disabled). */
final class SignInExpired extends AuthenticationException {

    SignInExpired(String detail, Throwable cause) {
        super(detail, cause);
    }
}
