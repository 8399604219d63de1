package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HostExecutor} does, whatever way it reaches the host: the same cases for the local executor and
 * the SSH one, each running commands as the {@code postgres} OS user on this very host (so the tests can check the
 * processes and files left behind). A subclass gives its executor and keeps only the cases of its own way in.
 */
abstract class HostExecutorContract {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The executor under test, running commands as {@code postgres}. */
    abstract HostExecutor executor();

    /** What {@link HostExecutor#describe()} says of it. */
    abstract String description();

    /**
     * 0 or 1, so the sleeps each implementation starts last an unusual duration of its own, and the check that a
     * timed-out command is gone finds that very process and no other.
     */
    abstract int sleepOffset();

    /** What to add to an assertion message to tell why the executor could not run a command at all. */
    String diagnostics() {
        return "";
    }

    @Test
    void runsAsTheNodesOsUser() {
        CommandResult result = executor().run(List.of("id", "-un"), TIMEOUT);
        assertEquals(0, result.exitCode(), result.stderr() + diagnostics());
        assertEquals("postgres\n", result.stdout());
        assertEquals(description(), executor().describe());
    }

    @Test
    void passesArgumentsUnchanged() {
        CommandResult one = executor().run(List.of("printf", "%s", HostileArguments.ONE), TIMEOUT);
        assertEquals(0, one.exitCode(), one.stderr());
        assertEquals(HostileArguments.ONE, one.stdout());

        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HostileArguments.ALL);
        CommandResult all = executor().run(argv, TIMEOUT);
        assertEquals(0, all.exitCode(), all.stderr());
        assertEquals(HostileArguments.ALL, splitOnNul(all.stdout()));
    }

    @Test
    void feedsStandardInput() {
        String input = "line one\nline 'two' with $(id -un)\nünïcødé ✓\n";
        CommandResult result = executor().run(List.of("cat"), input.getBytes(StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(input, result.stdout());
    }

    /** More than a pipe buffer (local) and than an SSH channel window. */
    @Test
    void feedsLargeStandardInput() {
        byte[] input = new byte[5 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        CommandResult result = executor().run(List.of("wc", "-c"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(String.valueOf(input.length), result.stdout().strip());
    }

    /** Far more than an SSH channel window. */
    @Test
    void returnsTheEndOfALargeOutput() {
        CommandResult result = executor().run(List.of("seq", "1", "400000"), TIMEOUT);
        assertEquals(0, result.exitCode(), result.stderr());
        // the collector keeps the end (at most 256 KiB), where a failing program writes its error
        assertTrue(result.stdout().length() <= 256 * 1024, "kept " + result.stdout().length());
        assertTrue(result.stdout().endsWith("399999\n400000\n"));
    }

    @Test
    void reportsExitCodeAndStandardErrorLines() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = executor().run(
                List.of("sh", "-c", "echo out; echo first >&2; printf 'progress 1\\rprogress 2\\n' >&2; exit 3"),
                null, TIMEOUT, lines::add);
        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());
        assertEquals("out\n", result.stdout());
        assertEquals(List.of("first", "progress 1", "progress 2"), lines);
        CommandFailedException failure = assertThrows(CommandFailedException.class, result::orThrow);
        assertEquals(3, failure.result().exitCode());

        assertEquals(1, executor().run(List.of("false"), TIMEOUT).exitCode());
    }

    @Test
    void missingProgramIsACommandFailureNotAHostFailure() {
        CommandResult result = executor().run(List.of("/nonexistent/program"), TIMEOUT);
        assertFalse(result.succeeded());
        assertTrue(result.stderr().contains("/nonexistent/program"), result.stderr());
    }

    @Test
    void killsTheCommandWhenItTimesOut() {
        String duration = unusualDuration(417);
        long started = System.nanoTime();
        CommandResult result = executor().run(List.of("sleep", duration), null, Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(result.stderr().contains("timed out after 1 s"), result.stderr());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(sleepGone(duration), "sleep still runs on the host after the timeout");
    }

    @Test
    void ignoresInputTheCommandDoesNotRead() {
        byte[] input = new byte[5 * 1024 * 1024];
        CommandResult result = executor().run(List.of("true"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        CommandResult head = executor().run(List.of("head", "-c", "3"), "abcdef".repeat(1024 * 1024).getBytes(
                StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, head.exitCode(), head.stderr());
        assertEquals("abc", head.stdout());
    }

    @Test
    void timesOutEvenWhileTheCommandLeavesItsInputUnread() {
        String duration = unusualDuration(421);
        long started = System.nanoTime();
        CommandResult result = executor().run(List.of("sleep", duration), new byte[5 * 1024 * 1024],
                Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(sleepGone(duration), "sleep still runs after the timeout");
    }

    @Test
    void killsEverythingTheCommandStartedWhenItTimesOut() {
        String duration = unusualDuration(425);
        CommandResult result = executor().run(List.of("sh", "-c", "sleep " + duration + " & sleep " + duration
                + "; wait"), null, Duration.ofSeconds(1), null);
        assertEquals(124, result.exitCode());
        assertTrue(sleepGone(duration), "a sleep still runs after the timeout");
    }

    @Test
    void reportsACommandKilledByASignalAsTheShellDoes() {
        CommandResult result = executor().run(List.of("sh", "-c", "kill -TERM $$; sleep 5"), TIMEOUT);
        assertEquals(128 + 15, result.exitCode());
    }

    @Test
    void nodeFilesRoundTripAsTheOsUser() throws IOException {
        Path folder = scratchFolder("host-files");
        UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
        Files.setOwner(folder, postgres);
        try {
            NodeFiles files = new NodeFiles(executor());
            String dir = folder.resolve("sub dir $(x)").toString();
            String file = dir + "/it's \"a\" file.conf";
            String content = "primary_conninfo = 'host=x'\nünïcødé ✓\n";

            assertTrue(files.isWritableDirectory(folder.toString()));
            assertFalse(files.exists(file));
            files.makeDirectory(dir);
            assertTrue(files.isWritableDirectory(dir));
            files.write(file, content);
            assertTrue(files.exists(file));
            assertEquals(content, files.read(file));
            // written as the OS user, readable by it only (checked on this very host)
            assertEquals(postgres, Files.getOwner(Path.of(file)));
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(Path.of(file)));

            Files.setPosixFilePermissions(Path.of(file), PosixFilePermissions.fromString("rw-r-----"));
            Object inode = Files.getAttribute(Path.of(file), "unix:ino");
            files.write(file, "shorter\n");
            assertEquals("shorter\n", files.read(file));
            // replaced through a temporary file and a rename, keeping owner and mode, leaving nothing beside it
            assertNotEquals(inode, Files.getAttribute(Path.of(file), "unix:ino"));
            assertEquals(postgres, Files.getOwner(Path.of(file)));
            assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(Path.of(file)));
            try (var entries = Files.list(Path.of(dir))) {
                assertEquals(1, entries.count());
            }
            files.write(file, "overwritten\n");
            assertEquals("overwritten\n", files.read(file));
            Files.setPosixFilePermissions(Path.of(file), PosixFilePermissions.fromString("rw-------"));

            String large = dir + "/large.conf";
            files.write(large, "#".repeat(NodeFiles.MAX_READ_BYTES) + "\n");
            assertThrows(FileTooLargeException.class, () -> files.read(large));
            files.remove(large);

            String copy = dir + "/copy";
            files.copy(file, copy);
            assertEquals("overwritten\n", files.read(copy));
            Set<PosixFilePermission> copied = Files.getPosixFilePermissions(Path.of(copy));
            assertEquals(PosixFilePermissions.fromString("rw-------"), copied);
            String moved = dir + "/moved";
            files.move(copy, moved);
            assertFalse(files.exists(copy));
            assertEquals("overwritten\n", files.read(moved));

            assertThrows(CommandFailedException.class, () -> files.read(dir + "/missing"));
            files.remove(dir);
            assertFalse(files.exists(file));
            assertFalse(files.exists(dir));
        } finally {
            removeTree(folder);
        }
    }

    /** {@code 30.<millis>} seconds, {@code millis} moved by this implementation's {@link #sleepOffset()}. */
    private String unusualDuration(int millis) {
        return String.format(Locale.ROOT, "30.%03d", millis + 2 * sleepOffset());
    }

    private static boolean sleepGone(String duration) {
        return processGone("^sleep " + duration.replace(".", "\\.") + "$");
    }

    static List<String> splitOnNul(String text) {
        List<String> parts = new ArrayList<>(Arrays.asList(text.split("\0", -1)));
        assertEquals("", parts.removeLast(), "output ends with a NUL");
        return parts;
    }

    /** Whether no process with a command line matching {@code pattern} is left, waiting up to 5 s. */
    static boolean processGone(String pattern) {
        LocalHostExecutor self = new LocalHostExecutor(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (self.run(List.of("pgrep", "-f", pattern), TIMEOUT).exitCode() == 1) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A new folder under the test run's directory, which the {@code postgres} OS user can reach. */
    static Path scratchFolder(String prefix) {
        Path folder = RepositoryRoot.testRunDir().resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    static void removeTree(Path folder) {
        new LocalHostExecutor(null).run(List.of("rm", "-rf", "--", folder.toString()), TIMEOUT).orThrow();
    }
}
