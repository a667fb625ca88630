package dev.finflow.problems.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules a handler method can refuse a request with, by rule id ({@code insufficient-cash}). The service's
 * OpenAPI document lists them under their status as problem responses; an id no rule of the service defines fails
 * the document, so a renamed rule cannot leave a stale entry behind. {@code malformed-request} is listed on its own
 * for every operation that reads a body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Raises {

    String[] value();
}
