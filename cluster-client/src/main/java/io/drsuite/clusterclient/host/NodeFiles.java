package io.drsuite.clusterclient.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * File operations on a node's host through its {@link HostExecutor}, with the standard tools every host has, so the
 * local and the SSH executor behave the same and files keep the OS user as owner.
 */
public final class NodeFiles {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HostExecutor executor;

    public NodeFiles(HostExecutor executor) {
        this.executor = executor;
    }

    public boolean exists(String path) {
        return executor.run(List.of("test", "-e", path), TIMEOUT).succeeded();
    }

    public boolean isWritableDirectory(String path) {
        return executor.run(List.of("test", "-d", path, "-a", "-w", path), TIMEOUT).succeeded();
    }

    public String read(String path) {
        return executor.run(List.of("cat", "--", path), TIMEOUT).orThrow().stdout();
    }

    /** Replaces the file's content; a new file is readable by its owner only. */
    public void write(String path, String content) {
        executor.run(List.of("touch", "--", path), TIMEOUT).orThrow();
        executor.run(List.of("chmod", "600", "--", path), TIMEOUT).orThrow();
        executor.run(List.of("tee", "--", path), content.getBytes(StandardCharsets.UTF_8), TIMEOUT, null).orThrow();
    }

    /** Writes the content into the existing file in place, keeping its mode. */
    public void overwrite(String path, String content) {
        executor.run(List.of("tee", "--", path), content.getBytes(StandardCharsets.UTF_8), TIMEOUT, null).orThrow();
    }

    public void remove(String path) {
        executor.run(List.of("rm", "-rf", "--", path), Duration.ofMinutes(30)).orThrow();
    }

    public void move(String from, String to) {
        executor.run(List.of("mv", "-T", "--", from, to), TIMEOUT).orThrow();
    }

    public void copy(String from, String to) {
        executor.run(List.of("cp", "-p", "--", from, to), TIMEOUT).orThrow();
    }

    public void makeDirectory(String path) {
        executor.run(List.of("mkdir", "-p", "-m", "700", "--", path), TIMEOUT).orThrow();
    }

    public HostExecutor executor() {
        return executor;
    }
}
