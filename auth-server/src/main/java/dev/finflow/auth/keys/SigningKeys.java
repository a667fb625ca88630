package dev.finflow.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The RSA key tokens are signed with. It is kept in {@code auth.signing_keys} (created on first start) rather than
 * generated per start, so that a restart of the authorization server does not invalidate every token in flight.
 * The private key is as safe as the database; an operator who wants a key vault replaces this bean.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    /** Read (or created) on first use, once the schema migrations have run. */
    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcTemplate jdbc) {
        AtomicReference<JWKSource<SecurityContext>> loaded = new AtomicReference<>();
        return (selector, context) -> loaded.updateAndGet(current -> current != null ? current : load(jdbc))
                .get(selector, context);
    }

    private static synchronized JWKSource<SecurityContext> load(JdbcTemplate jdbc) {
        List<String> stored = jdbc.queryForList("select jwk from signing_keys order by created_at desc", String.class);
        if (stored.isEmpty()) {
            RSAKey key = generate();
            jdbc.update("insert into signing_keys (kid, jwk) values (?, ?)", key.getKeyID(), key.toJSONString());
            stored = List.of(key.toJSONString());
        }
        List<JWK> keys = stored.stream().map(SigningKeys::parse).toList();
        return new ImmutableJWKSet<>(new JWKSet(keys));
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }
}
