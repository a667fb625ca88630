package dev.finflow.security;

import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Validates tokens against the issuer's published keys (signature, issuer, expiry). The issuer is asked for its
 * discovery document on the first token rather than at start-up, so a service starts even while the
 * authorization server is still starting; a failed look-up is retried on the next token.
 */
final class IssuerJwtDecoder implements ReactiveJwtDecoder {

    private final Mono<ReactiveJwtDecoder> delegate;

    IssuerJwtDecoder(IdentityProperties identity) {
        this.delegate = Mono.fromCallable(() -> build(identity))
                .subscribeOn(Schedulers.boundedElastic())
                .cache(decoder -> Duration.ofDays(36500), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.flatMap(decoder -> decoder.decode(token));
    }

    private static ReactiveJwtDecoder build(IdentityProperties identity) {
        if (identity.jwkSetUri() == null || identity.jwkSetUri().isBlank()) {
            return ReactiveJwtDecoders.fromIssuerLocation(identity.issuerUri());
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(identity.issuerUri()));
        return decoder;
    }
}
