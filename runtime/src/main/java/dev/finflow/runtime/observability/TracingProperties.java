package dev.finflow.runtime.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where spans go.
 *
 * @param otlpEndpoint the OTLP/HTTP traces endpoint of a collector (e.g. {@code http://collector:4318/v1/traces});
 *                     blank = spans are recorded for the log lines' trace ids but exported nowhere
 */
@ConfigurationProperties("finflow.tracing")
public record TracingProperties(String otlpEndpoint) {
}
