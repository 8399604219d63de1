package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.testing.RepositoryRoot;
import io.drsuite.testing.SshServer;
import java.io.IOException;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SSH executor against a real OpenSSH server ({@link SshServer}) on a loopback port, logging in as the
 * {@code postgres} OS user with a key from a key store folder and a strictly checked known-hosts file.
 */
class SshHostExecutorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static SshServer sshd;
    private static HostExecutor ssh;

    @BeforeAll
    static void startSshd() {
        sshd = SshServer.start();
        ssh = new HostExecutors(sshd.keyDirectory(), sshd.knownHosts(), CONNECT_TIMEOUT).forAccess(access());
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static HostAccess access() {
        return new HostAccess(HostAccessKind.SSH, "postgres", SshServer.HOST, sshd.port(), "postgres", sshd.keyRef());
    }

    @Test
    void runsAsTheLoginUser() {
        assertTrue(ssh instanceof SshHostExecutor);
        CommandResult result = ssh.run(List.of("id", "-un"), TIMEOUT);
        assertEquals(0, result.exitCode(), result.stderr() + sshd.log());
        assertEquals("postgres\n", result.stdout());
        assertEquals("postgres@127.0.0.1:" + sshd.port(), ssh.describe());
    }

    @Test
    void passesArgumentsUnchangedThroughTheRemoteShell() {
        CommandResult one = ssh.run(List.of("printf", "%s", HostileArguments.ONE), TIMEOUT);
        assertEquals(0, one.exitCode(), one.stderr());
        assertEquals(HostileArguments.ONE, one.stdout());

        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HostileArguments.ALL);
        CommandResult all = ssh.run(argv, TIMEOUT);
        assertEquals(0, all.exitCode(), all.stderr());
        assertEquals(HostileArguments.ALL, LocalHostExecutorTest.splitOnNul(all.stdout()));
    }

    @Test
    void feedsStandardInput() {
        String input = "line one\nline 'two' with $(id -un)\nünïcødé ✓\n";
        CommandResult result = ssh.run(List.of("cat"), input.getBytes(StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(input, result.stdout());
    }

    @Test
    void feedsStandardInputLargerThanTheChannelWindow() {
        byte[] input = new byte[5 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        CommandResult result = ssh.run(List.of("wc", "-c"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(String.valueOf(input.length), result.stdout().strip());
    }

    @Test
    void returnsOutputLargerThanTheChannelWindow() {
        CommandResult result = ssh.run(List.of("seq", "1", "400000"), TIMEOUT);
        assertEquals(0, result.exitCode(), result.stderr());
        // the collector keeps the end (at most 256 KiB), where a failing program writes its error
        assertTrue(result.stdout().length() <= 256 * 1024, "kept " + result.stdout().length());
        assertTrue(result.stdout().endsWith("399999\n400000\n"));
    }

    @Test
    void reportsNonZeroExitCodesAndStandardErrorLines() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = ssh.run(
                List.of("sh", "-c", "echo out; echo first >&2; printf 'progress 1\\rprogress 2\\n' >&2; exit 3"),
                null, TIMEOUT, lines::add);
        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals(List.of("first", "progress 1", "progress 2"), lines);
        assertEquals(3, assertThrows(CommandFailedException.class, result::orThrow).result().exitCode());

        assertEquals(1, ssh.run(List.of("false"), TIMEOUT).exitCode());
        assertEquals(127, ssh.run(List.of("/nonexistent/program"), TIMEOUT).exitCode());
    }

    @Test
    void killsTheCommandWhenItTimesOut() {
        // an unusual duration, so the check below finds this very process and no other
        long started = System.nanoTime();
        CommandResult result = ssh.run(List.of("sleep", "30.419"), null, Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(result.stderr().contains("timed out after 1 s"), result.stderr());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(LocalHostExecutorTest.processGone("^sleep 30\\.419$"),
                "sleep still runs on the host after the timeout");
    }

    @Test
    void ignoresInputTheCommandDoesNotRead() {
        byte[] input = new byte[5 * 1024 * 1024];
        CommandResult result = ssh.run(List.of("true"), input, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.stderr());
        CommandResult head = ssh.run(List.of("head", "-c", "3"), "abcdef".repeat(1024 * 1024).getBytes(
                StandardCharsets.UTF_8), TIMEOUT, null);
        assertEquals(0, head.exitCode(), head.stderr());
        assertEquals("abc", head.stdout());
    }

    @Test
    void timesOutEvenWhileTheCommandLeavesItsInputUnread() {
        long started = System.nanoTime();
        CommandResult result = ssh.run(List.of("sleep", "30.423"), new byte[5 * 1024 * 1024],
                Duration.ofSeconds(1), null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(124, result.exitCode());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(LocalHostExecutorTest.processGone("^sleep 30\\.423$"), "sleep still runs after the timeout");
    }

    @Test
    void killsEverythingTheCommandStartedWhenItTimesOut() {
        CommandResult result = ssh.run(List.of("sh", "-c", "sleep 30.427 & sleep 30.427; wait"), null,
                Duration.ofSeconds(1), null);
        assertEquals(124, result.exitCode());
        assertTrue(LocalHostExecutorTest.processGone("^sleep 30\\.427$"), "a sleep still runs after the timeout");
    }

    @Test
    void reportsACommandKilledByASignalAsTheShellDoes() {
        CommandResult result = ssh.run(List.of("sh", "-c", "kill -TERM $$; sleep 5"), TIMEOUT);
        assertEquals(128 + 15, result.exitCode());
    }

    @Test
    void refusesAHostWhoseKeyIsNotTheKnownOne() {
        HostExecutor impostor = new HostExecutors(sshd.keyDirectory(), sshd.knownHostsWithWrongKey(), CONNECT_TIMEOUT)
                .forAccess(access());
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> impostor.run(List.of("id", "-un"), TIMEOUT));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void refusesAHostMissingFromKnownHosts() throws IOException {
        Path empty = Files.createTempFile(sshd.keyDirectory(), "known_hosts", "");
        HostExecutor unknown = new HostExecutors(sshd.keyDirectory(), empty, CONNECT_TIMEOUT).forAccess(access());
        assertThrows(HostUnreachableException.class, () -> unknown.run(List.of("id", "-un"), TIMEOUT));
    }

    @Test
    void failsWithAKeyTheHostDoesNotAuthorize() {
        Path store = scratchFolder("ssh-keys");
        try {
            new LocalHostExecutor(null).run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                    store.resolve("stranger").toString()), TIMEOUT).orThrow();
            HostExecutor stranger = new HostExecutors(store, sshd.knownHosts(), CONNECT_TIMEOUT)
                    .forAccess(new HostAccess(HostAccessKind.SSH, "postgres", SshServer.HOST, sshd.port(), "postgres",
                            "stranger"));
            assertThrows(HostUnreachableException.class, () -> stranger.run(List.of("id", "-un"), TIMEOUT));
        } finally {
            new LocalHostExecutor(null).run(List.of("rm", "-rf", "--", store.toString()), TIMEOUT).orThrow();
        }
    }

    @Test
    void failsWhenNothingListens() {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HostExecutor nowhere = new HostExecutors(sshd.keyDirectory(), sshd.knownHosts(), CONNECT_TIMEOUT)
                .forAccess(new HostAccess(HostAccessKind.SSH, "postgres", SshServer.HOST, port, "postgres",
                        sshd.keyRef()));
        assertThrows(HostUnreachableException.class, () -> nowhere.run(List.of("true"), TIMEOUT));
    }

    @Test
    void nodeFilesRoundTripAsTheOsUser() throws IOException {
        Path folder = scratchFolder("ssh-files");
        UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
        Files.setOwner(folder, postgres);
        try {
            NodeFiles files = new NodeFiles(ssh);
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
            new LocalHostExecutor(null).run(List.of("rm", "-rf", "--", folder.toString()), TIMEOUT).orThrow();
        }
    }

    private static Path scratchFolder(String prefix) {
        Path folder = RepositoryRoot.testRunDir().resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return folder;
    }
}
