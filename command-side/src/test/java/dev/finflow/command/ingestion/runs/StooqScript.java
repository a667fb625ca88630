package dev.finflow.command.ingestion.runs;

import dev.finflow.command.ingestion.providers.FixtureServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.finflow.command.ingestion.providers.FixtureServer.resource;
import static dev.finflow.command.ingestion.providers.FixtureServer.send;

/**
 * A local Stooq whose answer depends on the ticker asked: {@code aapl.us} (and msft, orcl, gapy) the recorded February 2017, {@code
 * flaky.us} a 503 and then the data, {@code busy.us} a 429 with Retry-After: 1 and then the data, {@code down.us}
 * always 503, anything else "No data".
 */
final class StooqScript {

    static final FixtureServer SERVER = new FixtureServer();
    private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    static {
        String csv = resource("stooq-aapl.us-2017-02.csv");
        SERVER.on("/q/d/l/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String ticker = query.substring(2, query.indexOf('&'));
            int call = calls.computeIfAbsent(ticker, t -> new AtomicInteger()).incrementAndGet();
            switch (ticker) {
                case "aapl.us", "msft.us", "orcl.us", "gapy.us" -> send(exchange, 200, "text/csv", csv);
                case "flaky.us" -> send(exchange, call == 1 ? 503 : 200, "text/csv", call == 1 ? "busy" : csv);
                case "busy.us" -> {
                    if (call == 1) {
                        exchange.getResponseHeaders().add("Retry-After", "1");
                        send(exchange, 429, "text/plain", "Too Many Requests");
                    } else {
                        send(exchange, 200, "text/csv", csv);
                    }
                }
                case "down.us" -> send(exchange, 503, "text/html", "<html>down</html>");
                default -> send(exchange, 200, "text/plain", "No data");
            }
        });
    }

    private StooqScript() {
    }
}
