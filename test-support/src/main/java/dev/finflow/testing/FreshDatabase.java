package dev.finflow.testing;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class its own new database on the test server ({@link PostgresServer}), wired into the
 * service's {@code finflow.db.*} settings, and drops it when the class's context closes (after the class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextCustomizerFactories(FreshDatabaseCustomizerFactory.class)
public @interface FreshDatabase {
}
