package dev.finflow.command.ingestion.providers;

import java.time.Duration;

import static dev.finflow.command.ingestion.providers.FixtureServer.*;

/**
 * The one local Yahoo for this JVM: yahoofinance-api reads its URLs once, so every test that reaches Yahoo
 * (provider tests, run tests) must share this server. Each failure mode answers on a symbol of its own.
 */
public final class YahooFixture {

    public static final FixtureServer SERVER = new FixtureServer();
    public static final Duration TIMEOUT = Duration.ofMillis(2_000);

    static {
        String chart = resource("yahoo-chart-AAPL-2017-02.json");
        SERVER.on("/consent", status(200, "text/html", resource("consent.html"),
                        "Set-Cookie", "B=fixturecookie&b=3&s=qq; Path=/"))
                .on("/v1/test/getcrumb", exchange -> {
                    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                    if (cookie != null && cookie.contains("B=fixturecookie")) {
                        send(exchange, 200, "text/plain", "Xq0tCrumb9z");
                    } else {
                        send(exchange, 401, "application/json", "{\"error\":\"no cookie\"}");
                    }
                })
                .on("/v8/finance/chart/AAPL", ok("application/json", chart))
                .on("/v8/finance/chart/EMPTY", ok("application/json", resource("yahoo-chart-empty.json")))
                .on("/v8/finance/chart/GONE", status(404, "application/json", resource("yahoo-not-found.json")))
                .on("/v8/finance/chart/DENIED", status(401, "application/json",
                        "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\","
                                + "\"description\":\"Invalid Crumb\"}}}"))
                .on("/v8/finance/chart/BUSY", status(429, "text/plain", "Too Many Requests", "Retry-After", "3"))
                .on("/v8/finance/chart/DOWN", status(502, "text/html", "<html>Bad gateway</html>"))
                .on("/v8/finance/chart/SLOW", slow(5_000, ok("application/json", chart)))
                .on("/v8/finance/chart/CUT", truncated("application/json", chart))
                .on("/v8/finance/chart/CUTJSON", ok("application/json", chart.substring(0, chart.length() / 2)))
                .on("/v8/finance/chart/HTML", ok("text/html", resource("consent.html")));
    }

    private YahooFixture() {
    }

    public static ProviderProperties.Yahoo settings() {
        return new ProviderProperties.Yahoo(true, SERVER.url("/v8/finance/chart/"), SERVER.url("/consent"),
                SERVER.url("/v1/test/getcrumb"), "", "", null);
    }

    static YahooProvider provider() {
        return new YahooProvider(settings(), TIMEOUT);
    }
}
