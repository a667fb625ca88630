package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Stooq's free daily CSV download, the fallback when Yahoo fails. It needs no key; it answers {@code No data}
 * for an empty range or unknown symbol, and a plain-text notice when the daily hit limit is reached.
 */
final class StooqProvider implements MarketDataProvider {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ProviderProperties.Stooq settings;
    private final Duration timeout;
    private final HttpClient http;

    StooqProvider(ProviderProperties.Stooq settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String name() {
        return "stooq";
    }

    @Override
    public ProviderData fetch(Symbol symbol, LocalDate from, LocalDate to) {
        String url = settings.baseUrl() + "?s=" + ticker(symbol) + "&i=d&d1=" + DAY.format(from)
                + "&d2=" + DAY.format(to);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        HttpResponse<String> response = TimedCall.within(timeout, name(), url, () -> send(request));
        if (response.statusCode() != 200) {
            throw HttpFailures.status(name(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), url);
        }
        String body = response.body();
        String text = body.strip();
        if (text.equalsIgnoreCase("No data")) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "No data for " + symbol + " "
                    + from + ".." + to);
        }
        if (text.toLowerCase(Locale.ROOT).contains("exceeded the daily hits limit")) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.RATE_LIMITED, "daily hits limit reached");
        }
        List<RawBar> bars = DailyCsv.read(name(), body, date -> inRange(date, from, to));
        if (bars.isEmpty()) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "no bars " + from + ".." + to);
        }
        return ProviderData.ofBars(bars);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    /** AAPL is {@code aapl.us} at Stooq; symbols that carry a market suffix already are passed as they are. */
    private String ticker(Symbol symbol) {
        String lower = symbol.value().toLowerCase(Locale.ROOT);
        return lower.contains(".") || lower.startsWith("^") ? lower : lower + settings.suffix();
    }

    private static boolean inRange(String date, LocalDate from, LocalDate to) {
        try {
            LocalDate day = LocalDate.parse(date);
            return !day.isBefore(from) && !day.isAfter(to);
        } catch (RuntimeException unparsable) {
            return true; // kept, so the quality rules record it
        }
    }
}
