package dev.finflow.command.ingestion.providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Feeds Finflow's Yahoo settings to yahoofinance-api, which reads its base URLs, crumb, cookie and timeout from
 * {@code yahoofinance.*} system properties once, when its {@code YahooFinance} class loads. So they are set here,
 * before the adapter first touches the library; a second, different configuration in the same JVM cannot take
 * effect and is reported.
 */
final class YahooSettings {

    private static final Logger log = LoggerFactory.getLogger(YahooSettings.class);
    private static String applied;

    private YahooSettings() {
    }

    static synchronized void apply(ProviderProperties.Yahoo yahoo, Duration timeout) {
        String wanted = yahoo.chartUrl() + '|' + yahoo.scrapeUrl() + '|' + yahoo.crumbUrl() + '|' + timeout;
        if (applied != null) {
            if (!applied.equals(wanted)) {
                log.warn("yahoofinance-api was configured before ({}); {} cannot take effect in this JVM",
                        applied, wanted);
            }
            return;
        }
        set("yahoofinance.baseurl.histquotesquery2v8", withSlash(yahoo.chartUrl()));
        set("yahoofinance.scrapeurl.histquotes2", yahoo.scrapeUrl());
        set("yahoofinance.crumburl.histquotes2", yahoo.crumbUrl());
        set("yahoofinance.crumb", yahoo.crumb());
        set("yahoofinance.cookie", yahoo.cookie());
        set("yahoofinance.connection.timeout", String.valueOf(timeout.toMillis()));
        applied = wanted;
    }

    private static void set(String key, String value) {
        if (value != null && !value.isBlank()) {
            System.setProperty(key, value);
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
