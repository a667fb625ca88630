package dev.finflow.operate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository these tests check, found from the module directory Maven runs them in. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
