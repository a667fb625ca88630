package dev.finflow.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The authorization server's settings ({@code finflow.auth.*}).
 *
 * @param issuer          the issuer URL tokens name and services check
 * @param accessTokenTtl  how long an access token lives (so how long a disabled user keeps access)
 * @param bcryptStrength  bcrypt cost of passwords and client secrets; below 12 is refused
 * @param credentialsFile where first start also writes the generated credentials; blank = console only
 * @param maxFailedSignIns failed sign-ins in a row after which a username is locked out
 * @param lockout          how long a locked-out username stays locked (and how long failures are remembered)
 */
@ConfigurationProperties("finflow.auth")
public record AuthProperties(String issuer, Duration accessTokenTtl, int bcryptStrength, String credentialsFile,
                             int maxFailedSignIns, Duration lockout) {

    public AuthProperties {
        if (bcryptStrength < 12) {
            throw new IllegalArgumentException("finflow.auth.bcrypt-strength must be at least 12, was "
                    + bcryptStrength);
        }
    }
}
