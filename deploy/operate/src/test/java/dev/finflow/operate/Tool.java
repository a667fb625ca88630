package dev.finflow.operate;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An operations tool from a Debian package (promtool). Where it is missing a developer's test run skips with the
 * install command; in CI ({@code CI=true}, where {@code .ci/run} installs it) a missing tool fails the test.
 */
record Tool(String command, String debianPackage) {

    record Result(int exitCode, String output) {
    }

    Result run(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        requirePresent();
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private void requirePresent() {
        boolean present = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        if (present) {
            return;
        }
        String install = "apt-get install -y " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(command + " is missing in CI; .ci/run must " + install);
        }
        Assumptions.abort(command + " is not installed here (" + install + ")");
    }
}
