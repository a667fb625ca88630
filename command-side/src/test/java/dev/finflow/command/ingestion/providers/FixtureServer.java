package dev.finflow.command.ingestion.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server (JDK {@code com.sun.net.httpserver}) that answers each path with a recorded response or a
 * scripted failure, and remembers what it was asked, so providers are tested through their real client code.
 */
public final class FixtureServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Seen(String path, String query, String cookie, String body, long nanos) {
    }

    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fixture-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Cookie"), body, System.nanoTime()));
            Responder responder = routes.get(path);
            try {
                if (responder == null) {
                    send(exchange, 404, "text/plain", "no fixture for " + path);
                } else {
                    responder.respond(exchange);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureServer on(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void forget() {
        seen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static Responder ok(String contentType, String body) {
        return exchange -> send(exchange, 200, contentType, body);
    }

    public static Responder status(int status, String contentType, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            send(exchange, status, contentType, body);
        };
    }

    /** Answers only after {@code millis}: longer than the client's timeout. */
    public static Responder slow(long millis, Responder then) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            then.respond(exchange);
        };
    }

    /** Declares the whole body's length but sends only its first half, then hangs up. */
    public static Responder truncated(String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            // Closing the exchange now ends the connection short of the declared length.
        };
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    public static String resource(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/ingestion/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ingestion/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
