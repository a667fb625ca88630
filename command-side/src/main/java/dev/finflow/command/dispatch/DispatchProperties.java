package dev.finflow.command.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many commands run at once (each holds a database connection while it runs) and how many may wait.
 *
 * @param threads commands handled in parallel; keep at or below {@code finflow.db.pool-size}
 * @param queue   commands that may wait for a thread before new ones are refused with 503
 */
@ConfigurationProperties("finflow.commands")
public record DispatchProperties(@DefaultValue("12") int threads, @DefaultValue("10000") int queue) {
}
