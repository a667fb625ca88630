package dev.finflow.query.bff.session;

import dev.finflow.security.IdentityProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * The one client the browser signs in with: authorization code with PKCE, confidential (client secret), scope
 * {@code openid}. The issuer's endpoints come from its discovery document, read on the first sign-in rather than
 * at start-up (as the token decoder does), so the query side starts while the issuer is still starting.
 */
public final class SignInRegistration implements ReactiveClientRegistrationRepository {

    public static final String ID = "finflow";

    private final Mono<ClientRegistration> registration;

    public SignInRegistration(IdentityProperties identity, BffProperties bff) {
        this.registration = !bff.signInConfigured() ? Mono.empty() : Mono.fromCallable(() -> ClientRegistrations
                        .fromIssuerLocation(identity.issuerUri())
                        .registrationId(ID)
                        .clientId(bff.clientId())
                        .clientSecret(bff.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/bff/login/code/{registrationId}")
                        .scope("openid")
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(found -> Duration.ofDays(36500), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? registration : Mono.empty();
    }
}
