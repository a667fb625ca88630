package dev.finflow.auth.signin;

import dev.finflow.auth.AuthProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login throttling: after {@code max-failed-sign-ins} failures in a row a username is locked out for
 * {@code lockout}, whatever password comes next, so guessing costs an attacker hours instead of seconds. Unknown
 * usernames count like known ones, so the lock-out does not reveal which names exist. Kept in memory: a restart
 * forgets failures, which only gives an attacker a fresh handful of guesses.
 */
@Component
public class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lastFailure) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AuthProperties properties;
    private final Clock clock;

    SignInThrottle(AuthProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Whether sign-ins for this username are refused right now. */
    public boolean lockedOut(String username) {
        Failures current = failures.get(key(username));
        return current != null && current.count() >= properties.maxFailedSignIns()
                && current.lastFailure().plus(properties.lockout()).isAfter(clock.instant());
    }

    /** Counts a failure; answers until when the username is locked out if this very failure locked it. */
    Optional<Instant> failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.lastFailure().plus(properties.lockout()).isBefore(now));
        }
        Failures counted = failures.merge(key(username), new Failures(1, now), (old, fresh) ->
                old.lastFailure().plus(properties.lockout()).isBefore(now) ? fresh
                        : new Failures(old.count() + 1, now));
        return counted.count() == properties.maxFailedSignIns() ? Optional.of(now.plus(properties.lockout()))
                : Optional.empty();
    }

    void succeeded(String username) {
        forget(username);
    }

    /** Forgets the failures of a username (that of an erased person: it is personal data, and free again). */
    public void forget(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
