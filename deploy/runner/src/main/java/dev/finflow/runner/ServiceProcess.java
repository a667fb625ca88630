package dev.finflow.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One Finflow service running as a child JVM, its output prefixed on the console and kept in a log file. */
final class ServiceProcess {

    record Spec(String name, String jar, int port) {
    }

    private final Spec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(Spec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(Spec spec, Path jar, Map<String, String> environment, Path logs) throws IOException {
        Files.createDirectories(logs);
        Path logFile = logs.resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(spec.port()));
        Process process = builder.start();
        ServiceProcess service = new ServiceProcess(spec, process, logFile);
        Thread pump = new Thread(service::pumpOutput, spec.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        System.out.println("[runner] started " + spec.name() + " (pid " + process.pid() + ") on port " + spec.port());
        return service;
    }

    String name() {
        return spec.name();
    }

    int port() {
        return spec.port();
    }

    Path logFile() {
        return logFile;
    }

    int exitCode() {
        return process.exitValue();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + spec.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(spec.name() + " did not become healthy; see " + logFile);
    }

    /** Asks every service to shut down gracefully at once, then waits for each (forcing it after 30 s). */
    static void stopAll(List<ServiceProcess> services) {
        services.forEach(service -> service.process.destroy());
        for (ServiceProcess service : services) {
            try {
                if (!service.process.waitFor(30, TimeUnit.SECONDS)) {
                    service.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                service.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static ServiceProcess awaitAnyExit(List<ServiceProcess> services) {
        CompletableFuture<?>[] exits = services.stream().map(s -> s.process.onExit()).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        return services.stream().filter(s -> !s.process.isAlive()).findFirst().orElseThrow();
    }

    private void pumpOutput() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String prefix = String.format("[%-12s] ", spec.name());
            for (String line; (line = output.readLine()) != null; ) {
                log.println(line);
                System.out.println(prefix + line);
            }
        } catch (IOException closed) {
            // The service stopped and its output closed: nothing more to copy.
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
