package dev.finflow.testing;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/** Creates the database of a {@link FreshDatabase} test class when its context starts, drops it when it closes. */
class FreshDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, FreshDatabase.class)) {
            return null;
        }
        return new Customizer(testClass);
    }

    /** One per test class, so that no two classes share a context (and so a database). */
    private record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabase.create();
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("finflow-test-database", database.serviceProperties()));
            // Registered before any other bean, so destroyed after all of them: the pools and event processors
            // are closed before the database is dropped.
            DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
            beans.registerSingleton("finflowTestDatabase", database);
            beans.registerDisposableBean("finflowTestDatabase", database::close);
        }
    }
}
