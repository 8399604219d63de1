package io.drsuite.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the checkout's root (the folder holding {@code mvnw} and {@code deploy/local}) from a module's directory.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("deploy/local"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No DR Suite checkout above " + dir);
    }

    /** Where tests keep their servers and data: {@code .run/test} unless DRSUITE_TEST_RUN_DIR says otherwise. */
    public static Path testRunDir() {
        String configured = System.getenv("DRSUITE_TEST_RUN_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured) : find().resolve(".run/test");
    }
}
