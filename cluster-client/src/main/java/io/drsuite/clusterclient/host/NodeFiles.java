package io.drsuite.clusterclient.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * File operations on a node's host through its {@link HostExecutor}, with the standard tools every host has, so the
 * local and the SSH executor behave the same and files keep the OS user as owner.
 */
public final class NodeFiles {

    /** The largest file {@link #read} returns: what an executor keeps of a command's output. */
    public static final int MAX_READ_BYTES = OutputCollector.LIMIT;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Writes standard input to a new file beside {@code $1} (a symbolic link is followed to the file it names), gives
     * it the original's owner and mode, flushes it to disk and renames it over the original. The temporary name ends
     * in neither {@code .conf} nor anything PostgreSQL reads, and is removed when any step fails. The path is an
     * argument, never part of the script.
     */
    private static final String REPLACE = """
            set -e
            target=$(readlink -f -- "$1")
            tmp=$(mktemp -- "$target.drsuite-XXXXXX")
            trap 'rm -f -- "$tmp"' EXIT
            cat > "$tmp"
            if [ -e "$target" ]; then
                chown --reference="$target" -- "$tmp"
                chmod --reference="$target" -- "$tmp"
            fi
            sync -- "$tmp"
            mv -T -- "$tmp" "$target"
            sync -- "$(dirname -- "$target")"
            """;

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

    /**
     * The whole file as UTF-8 text.
     *
     * @throws FileTooLargeException when it is larger than {@link #MAX_READ_BYTES} (the executors keep only the end
     *         of a longer output)
     * @throws IllegalStateException when what was read is not the whole file (it changed meanwhile, or it is not
     *         UTF-8): writing an edit of it back would change more than the edit
     */
    public String read(String path) {
        long size = Long.parseLong(executor.run(List.of("stat", "-L", "-c", "%s", "--", path), TIMEOUT).orThrow()
                .stdout().strip());
        if (size > MAX_READ_BYTES) {
            throw new FileTooLargeException(path, size, MAX_READ_BYTES);
        }
        String content = executor.run(List.of("cat", "--", path), TIMEOUT).orThrow().stdout();
        if (content.getBytes(StandardCharsets.UTF_8).length != size) {
            throw new IllegalStateException(path + " changed while it was read, or is not UTF-8 text; not edited");
        }
        return content;
    }

    /**
     * Replaces the file's content all at once: a crash or a lost connection leaves either the old or the new file,
     * never a part. An existing file keeps its owner and mode (or the write is refused); a new one is readable by
     * the OS user only.
     */
    public void write(String path, String content) {
        executor.run(List.of("sh", "-c", REPLACE, "sh", path), content.getBytes(StandardCharsets.UTF_8), TIMEOUT,
                null).orThrow();
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
