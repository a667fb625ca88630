package dev.finflow.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final List<String> checked = new ArrayList<>();
    /**
     * Validates like the issuer's decoder would: "good-*" tokens are valid, expiring 2 minutes after the clock's
     * start ("good-long-*" after an hour), refused once past that and the 60 s leeway.
     */
    private final ReactiveJwtDecoder issuer = token -> {
        checked.add(token);
        Instant expiresAt = Instant.parse(token.startsWith("good-long") ? "2026-12-07T11:00:00Z"
                : "2026-12-07T10:02:00Z");
        if (!token.startsWith("good") || clock.instant().isAfter(expiresAt.plusSeconds(60))) {
            return Mono.error(new BadJwtException("refused " + token));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
                .issuedAt(Instant.parse("2026-12-07T10:00:00Z")).expiresAt(expiresAt).build());
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(issuer, clock);

    @Test
    void aTokenValidatedOnceIsNotCheckedAgainOnTheNextRequests() {
        Jwt first = decoder.decode("good-1").block();
        Jwt again = decoder.decode("good-1").block();

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("good-1");
        decoder.decode("good-2").block();
        assertThat(checked).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsCheckedOnEveryRequestAndStaysRefused() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aKeptTokenIsRefusedOnceExpiredBeyondTheValidatorsLeeway() {
        decoder.decode("good-1").block();
        clock.advance(Duration.ofMinutes(2).plusSeconds(60)); // exactly at expiry + leeway: still valid
        assertThat(decoder.decode("good-1").block()).isNotNull();
        assertThat(checked).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).hasSize(2);
    }

    @Test
    void aKeptTokenIsCheckedInFullAgainAfterTheRecheckPeriod() {
        decoder.decode("good-long-1").block();
        clock.advance(CachingJwtDecoder.RECHECK.minusSeconds(1));
        decoder.decode("good-long-1").block();
        assertThat(checked).containsExactly("good-long-1");
        clock.advance(Duration.ofSeconds(2));
        decoder.decode("good-long-1").block();
        assertThat(checked).containsExactly("good-long-1", "good-long-1");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
