package dev.finflow.runtime.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How commands are grouped into database transactions.
 *
 * @param lanes    commit lanes: transactions in flight at once (each holds a connection while it runs)
 * @param maxGroup the most commands one lane commits together
 * @param queue    commands that may wait in one lane before new ones are refused with 503
 */
@ConfigurationProperties("finflow.commands")
public record DispatchProperties(@DefaultValue("4") int lanes,
                                 @DefaultValue("256") int maxGroup,
                                 @DefaultValue("5000") int queue) {
}
