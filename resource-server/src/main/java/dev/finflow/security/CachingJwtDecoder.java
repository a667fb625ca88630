package dev.finflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the tokens it has validated, so that a client sending the same bearer token on every request (the
 * dashboard, a script) pays the signature check and the parsing of the claims once per token rather than once per
 * request: they were a tenth of a holdings read's CPU (JFR, 7 Dec). Only tokens that passed every check are kept,
 * under the whole token text, so no other text can hit them. A kept token is answered again only while it has not
 * expired (with the validators' 60 s leeway; the other checks cannot change for the same text), and at most for
 * {@link #RECHECK}, after which it is checked in full again (e.g. against rotated keys). Bounded in size.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    /** The clock skew Spring Security's timestamp validator allows. */
    private static final Duration SKEW = Duration.ofSeconds(60);
    static final Duration RECHECK = Duration.ofMinutes(5);
    static final int TOKENS = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> validated;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder().maximumSize(TOKENS).expireAfterWrite(RECHECK)
                .ticker(() -> clock.millis() * 1_000_000).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = validated.getIfPresent(token);
        if (known != null) {
            if (unexpired(known)) {
                return Mono.just(known);
            }
            validated.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> validated.put(token, jwt));
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().minus(SKEW).isAfter(expiresAt);
    }
}
