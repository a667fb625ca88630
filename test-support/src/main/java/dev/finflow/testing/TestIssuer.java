package dev.finflow.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.finflow.events.identity.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real OIDC issuer for tests, on 127.0.0.1 and a random port, with its own RSA key: it serves a discovery
 * document and its JWK set exactly as an authorization server does, and mints signed tokens for any subject and
 * roles. Services under test validate these tokens the way they validate production ones (fetching the keys over
 * HTTP); a second instance has different keys, so its tokens are foreign to a service trusting the first.
 */
public final class TestIssuer implements AutoCloseable {

    /** Where the roles are in tokens this issuer mints unless told otherwise (the services' default). */
    public static final String ROLES_CLAIM = "roles";
    private static volatile TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String uri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the test issuer's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test issuer", e);
        }
        uri = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange,
                "{\"issuer\":\"" + uri + "\",\"jwks_uri\":\"" + uri + "/jwks\",\"subject_types_supported\":"
                        + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    /** The issuer every Spring test of this JVM trusts by default (see {@link TestIdentityCustomizerFactory}). */
    public static TestIssuer shared() {
        if (shared == null) {
            synchronized (TestIssuer.class) {
                if (shared == null) {
                    shared = new TestIssuer();
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
                }
            }
        }
        return shared;
    }

    /** Another issuer with its own keys and address; close it when done. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    public String uri() {
        return uri;
    }

    /** A token for {@code subject} with these roles, valid for an hour. */
    public String token(String subject, Role... roles) {
        return token(subject, Duration.ofHours(1), roles);
    }

    /** A token that expired a minute ago (well past any clock-skew allowance). */
    public String expiredToken(String subject, Role... roles) {
        return sign(subject, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(59),
                Map.of(ROLES_CLAIM, names(roles)));
    }

    public String token(String subject, Duration lifetime, Role... roles) {
        return sign(subject, Instant.now(), lifetime, Map.of(ROLES_CLAIM, names(roles)));
    }

    /** A token with any extra claims (roles somewhere else, say), valid for an hour. */
    public String tokenWithClaims(String subject, Map<String, Object> claims) {
        return sign(subject, Instant.now(), Duration.ofHours(1), claims);
    }

    private String sign(String subject, Instant issuedAt, Duration lifetime, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(uri).subject(subject)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime))).jwtID(UUID.randomUUID().toString());
        new LinkedHashMap<>(claims).forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
        return jwt.serialize();
    }

    private static List<String> names(Role... roles) {
        return Arrays.stream(roles).map(Role::claimValue).toList();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
