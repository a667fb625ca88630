package dev.finflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose access rule lets every valid token through, whatever its roles: its OpenAPI operation
 * then documents no 403 {@code forbidden}. The access rule itself stays in the service's {@link AccessRules}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyRole {
}
