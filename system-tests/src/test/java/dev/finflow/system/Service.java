package dev.finflow.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Finflow service started from its packaged jar as a child JVM on a free port of 127.0.0.1, its output in
 * {@code target/system-logs/<name>.log}. The jars come from {@code -Dfinflow.home} (default: the repository this
 * module lives in), so the same test can run against another build.
 */
final class Service implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;

    private Service(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static Service start(String name, String module, Map<String, String> environment) throws IOException {
        return start(name, module, environment, freePort());
    }

    /** On a port chosen before (see {@link #freePort()}), for services that must know each other's address. */
    static Service start(String name, String module, Map<String, String> environment, int port) throws IOException {
        Path home = Path.of(System.getProperty("finflow.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve(module + "/target/" + module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        Path logs = Path.of("target/system-logs");
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        return new Service(name, port, builder.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see target/system-logs/" + name + ".log");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy(); // SIGTERM, as Ctrl-C of the local runner ends its services
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("%s %s in %d ms%n", name, stopped ? "stopped" : "did not stop",
                (System.nanoTime() - started) / 1_000_000);
        if (!stopped) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A free port of 127.0.0.1: any, or the next free one of {@code -Dfinflow.system.ports=FIRST-LAST} (for a
     * machine shared by several runs, each with its own range).
     */
    static synchronized int freePort() throws IOException {
        String range = System.getProperty("finflow.system.ports");
        if (range == null) {
            return bind(0);
        }
        int last = Integer.parseInt(range.substring(range.indexOf('-') + 1));
        nextInRange = Math.max(nextInRange, Integer.parseInt(range.substring(0, range.indexOf('-'))));
        while (nextInRange <= last) {
            int port = nextInRange++; // handed out once, even if the service that gets it has not bound it yet
            try {
                return bind(port);
            } catch (IOException taken) {
                // in use: the next one
            }
        }
        throw new IOException("no free port left in " + range);
    }

    private static int nextInRange;

    private static int bind(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
