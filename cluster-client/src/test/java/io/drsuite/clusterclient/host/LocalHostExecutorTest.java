package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The local executor against real programs, run as the {@code postgres} OS user (the tests run as root). */
class LocalHostExecutorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final LocalHostExecutor postgres = new LocalHostExecutor("postgres");

    @Test
    void runsAsTheNodesOsUser() {
        CommandResult result = postgres.run(List.of("id", "-un"), TIMEOUT);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("postgres\n", result.stdout());
        assertEquals("local host as postgres", postgres.describe());
    }

    @Test
    void feedsStandardInput() {
        String input = "line one\nline 'two' with $(id -un)\nünïcødé ✓\n";
        CommandResult result = postgres.run(List.of("cat"), input.getBytes(StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(input, result.stdout());
    }

    @Test
    void feedsStandardInputLargerThanAPipeBuffer() {
        byte[] input = new byte[3 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        CommandResult result = postgres.run(List.of("wc", "-c"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(String.valueOf(input.length), result.stdout().strip());
    }

    @Test
    void killsTheCommandWhenItTimesOut() {
        // an unusual duration, so the check below finds this very process and no other
        List<String> sleep = List.of("sleep", "30.417");
        long started = System.nanoTime();
        CommandResult result = postgres.run(sleep, null, Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(result.stderr().contains("timed out after 1 s"), result.stderr());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(processGone("^sleep 30\\.417$"), "sleep still runs after the timeout");
    }

    @Test
    void passesArgumentsUnchanged() {
        CommandResult one = postgres.run(List.of("printf", "%s", HostileArguments.ONE), TIMEOUT);
        assertEquals(0, one.exitCode(), one.stderr());
        assertEquals(HostileArguments.ONE, one.stdout());

        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HostileArguments.ALL);
        CommandResult all = postgres.run(argv, TIMEOUT);
        assertEquals(0, all.exitCode(), all.stderr());
        assertEquals(HostileArguments.ALL, splitOnNul(all.stdout()));
    }

    @Test
    void reportsExitCodeAndStandardErrorLines() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = postgres.run(
                List.of("sh", "-c", "echo out; echo first >&2; printf 'progress 1\\rprogress 2\\n' >&2; exit 3"),
                null, TIMEOUT, lines::add);
        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());
        assertEquals("out\n", result.stdout());
        assertEquals(List.of("first", "progress 1", "progress 2"), lines);
        CommandFailedException failure = assertThrows(CommandFailedException.class, result::orThrow);
        assertEquals(3, failure.result().exitCode());
    }

    @Test
    void missingProgramIsACommandFailureNotAHostFailure() {
        // runuser starts, then cannot execute the program: a failed result, as over SSH
        CommandResult result = postgres.run(List.of("/nonexistent/program"), TIMEOUT);
        assertFalse(result.succeeded());
        assertTrue(result.stderr().contains("/nonexistent/program"), result.stderr());
    }

    @Test
    void ignoresInputTheCommandDoesNotRead() {
        byte[] input = new byte[5 * 1024 * 1024];
        CommandResult result = postgres.run(List.of("true"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        CommandResult head = postgres.run(List.of("head", "-c", "3"), "abcdef".repeat(1024 * 1024).getBytes(
                StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, head.exitCode(), head.stderr());
        assertEquals("abc", head.stdout());
    }

    @Test
    void timesOutEvenWhileTheCommandLeavesItsInputUnread() {
        long started = System.nanoTime();
        CommandResult result = postgres.run(List.of("sleep", "30.421"), new byte[5 * 1024 * 1024],
                Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(LocalHostExecutorTest.processGone("^sleep 30\\.421$"), "sleep still runs after the timeout");
    }

    @Test
    void killsEverythingTheCommandStartedWhenItTimesOut() {
        CommandResult result = postgres.run(List.of("sh", "-c", "sleep 30.425 & sleep 30.425; wait"), null,
                Duration.ofSeconds(1), null);
        assertEquals(124, result.exitCode());
        assertTrue(LocalHostExecutorTest.processGone("^sleep 30\\.425$"), "a sleep still runs after the timeout");
    }

    @Test
    void reportsACommandKilledByASignalAsTheShellDoes() {
        CommandResult result = postgres.run(List.of("sh", "-c", "kill -TERM $$; sleep 5"), TIMEOUT);
        assertEquals(128 + 15, result.exitCode());
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
}
