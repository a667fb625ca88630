package dev.finflow.testing;

import dev.finflow.events.identity.Role;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.Map;

/**
 * Makes every Spring test trust the JVM's {@link TestIssuer#shared() test issuer} and gives every auto-configured {@code WebTestClient} a default bearer token of
 * {@link TestTokens#DEFAULT_SUBJECT} holding every role, so tests written before authentication keep working
 * unchanged. Tests about security use their own clients and tokens.
 */
class TestIdentityCustomizerFactory implements ContextCustomizerFactory {

    /**
     * Set as the variable the services' application.yml reads its issuer from, so that a test naming
     * {@code finflow.identity.issuer-uri} itself (a second issuer) still wins.
     */
    static final String ISSUER_VARIABLE = "FINFLOW_OIDC_ISSUER_URI";
    private static final String WEB_TEST_CLIENT_CUSTOMIZER =
            "org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("finflow-test-issuer",
                    Map.of(ISSUER_VARIABLE, TestIssuer.shared().uri())));
            if (ClassUtils.isPresent(WEB_TEST_CLIENT_CUSTOMIZER, context.getClassLoader())) {
                ConfigurableListableBeanFactory beans = context.getBeanFactory();
                beans.registerSingleton("finflowDefaultTestToken", DefaultToken.customizer());
            }
        }
    }

    /** Kept apart so that the WebTestClient classes are only loaded where they are present. */
    private static final class DefaultToken {

        static Object customizer() {
            String token = TestIssuer.shared().token(TestTokens.DEFAULT_SUBJECT, java.time.Duration.ofDays(1),
                    Role.values());
            return (org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer) builder ->
                    builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }
}
