package dev.finflow.runtime.processors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the dead-lettering processors of the command side and the ml-projector are watched ({@code finflow.processors.*}).
 *
 * @param stallTimeout a processor that applies nothing this long while events wait is stalled (readiness DOWN)
 */
@ConfigurationProperties("finflow.processors")
public record ProcessorProperties(@DefaultValue("2m") Duration stallTimeout) {
}
