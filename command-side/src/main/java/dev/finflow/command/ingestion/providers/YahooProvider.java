package dev.finflow.command.ingestion.providers;

import dev.finflow.events.values.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yahoofinance.histquotes2.CrumbManager;
import yahoofinance.histquotes2.QueryInterval;
import yahoofinance.query2v8.HistQuotesQuery2V8Request;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yahoo Finance through yahoofinance-api's v8 chart request. The library fetches; this adapter parses the chart
 * JSON itself ({@link YahooChart}) because the library's parser reads prices through doubles, drops splits and
 * dividends, and fails on the nulls Yahoo sends for days without trades. The session (cookie and crumb) is the
 * library's {@link CrumbManager}, asked once when none is configured; the cookie rides on the chart request
 * through the JVM cookie jar the library installs.
 */
final class YahooProvider implements MarketDataProvider {

    private static final Logger log = LoggerFactory.getLogger(YahooProvider.class);
    private static final Pattern STATUS = Pattern.compile("response code: (\\d{3})");

    private final ProviderProperties.Yahoo settings;
    private final Duration timeout;
    private volatile boolean session;

    YahooProvider(ProviderProperties.Yahoo settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "yahoo";
    }

    @Override
    public ProviderData fetch(Symbol symbol, LocalDate from, LocalDate to) {
        // Applied at first use, not at start-up: the library reads them once, when its classes load.
        YahooSettings.apply(settings, timeout);
        String url = settings.chartUrl() + symbol.value();
        ensureSession();
        HistQuotesQuery2V8Request request = new HistQuotesQuery2V8Request(symbol.value(), calendar(from),
                calendar(to.plusDays(1)), QueryInterval.DAILY);
        String json = TimedCall.within(timeout, name(), url, () -> {
            try {
                return request.getJson();
            } catch (IOException failure) {
                throw statusFailure(failure, url);
            }
        });
        return YahooChart.parse(name(), json, from, to);
    }

    /** Obtains a cookie and crumb once, unless configured; a failure here is a failed attempt like any other. */
    private void ensureSession() {
        if (session) {
            return;
        }
        synchronized (this) {
            if (session) {
                return;
            }
            String crumb = TimedCall.within(timeout, name(), settings.crumbUrl(), () -> {
                try {
                    return CrumbManager.getCrumb();
                } catch (IOException failure) {
                    throw statusFailure(failure, settings.crumbUrl());
                }
            });
            if (crumb == null || crumb.isBlank()) {
                throw new ProviderFailure(name(), ProviderFailure.Kind.UNAUTHORIZED,
                        "no crumb from " + settings.crumbUrl());
            }
            String cookie = TimedCall.within(timeout, name(), settings.scrapeUrl(), CrumbManager::getCookie);
            rememberCookie(cookie);
            log.info("yahoo session ready (crumb of {} characters)", crumb.length());
            session = true;
        }
    }

    /** The chart request sends what the JVM cookie jar holds for its host; a configured cookie goes there too. */
    private void rememberCookie(String cookie) {
        if (cookie == null || cookie.isBlank() || !(CookieHandler.getDefault() instanceof CookieManager jar)) {
            return;
        }
        int eq = cookie.indexOf('=');
        if (eq <= 0) {
            return;
        }
        HttpCookie httpCookie = new HttpCookie(cookie.substring(0, eq).trim(), cookie.substring(eq + 1).trim());
        httpCookie.setPath("/");
        httpCookie.setVersion(0);
        jar.getCookieStore().add(URI.create(settings.chartUrl()), httpCookie);
    }

    private IOException statusFailure(IOException failure, String url) {
        if (failure instanceof FileNotFoundException) {
            throw HttpFailures.status(name(), 404, null, url);
        }
        Matcher status = STATUS.matcher(String.valueOf(failure.getMessage()));
        if (status.find()) {
            // The library's request hides response headers, so a 429's Retry-After is not visible here.
            throw HttpFailures.status(name(), Integer.parseInt(status.group(1)), null, url);
        }
        return failure;
    }

    private static Calendar calendar(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return calendar;
    }
}
