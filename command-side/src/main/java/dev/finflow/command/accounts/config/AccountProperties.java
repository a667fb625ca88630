package dev.finflow.command.accounts.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * @param defaultOverdraftLimit overdraft of accounts opened without one, in the account's currency
 * @param snapshotEvery         an account snapshot every this many events
 * @param zone                  the time zone whose calendar gives a request's default booking date
 */
@ConfigurationProperties("finflow.accounts")
public record AccountProperties(@DefaultValue("0") BigDecimal defaultOverdraftLimit,
                         @DefaultValue("250") int snapshotEvery,
                         @DefaultValue("UTC") ZoneId zone) {
}
