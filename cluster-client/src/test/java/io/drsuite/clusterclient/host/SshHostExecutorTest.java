package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.testing.SshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SSH executor against a real OpenSSH server ({@link SshServer}) on a loopback port, logging in as the
 * {@code postgres} OS user with a key from a key store folder and a strictly checked known-hosts file: the
 * {@link HostExecutorContract}'s cases, and how it refuses hosts and keys it must not trust.
 */
class SshHostExecutorTest extends HostExecutorContract {

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

    @Override
    HostExecutor executor() {
        return ssh;
    }

    @Override
    String description() {
        return "postgres@127.0.0.1:" + sshd.port();
    }

    @Override
    int sleepOffset() {
        return 1;
    }

    @Override
    String diagnostics() {
        return sshd.log();
    }

    @Test
    void sshAccessGetsAnSshExecutor() {
        assertTrue(ssh instanceof SshHostExecutor);
    }

    @Test
    void reportsAMissingProgramAsTheShellDoes() {
        assertEquals(127, ssh.run(List.of("/nonexistent/program"), TIMEOUT).exitCode());
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
            removeTree(store);
        }
    }

    @Test
    void failsWhenNothingListens() {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostExecutor nowhere = new HostExecutors(sshd.keyDirectory(), sshd.knownHosts(), CONNECT_TIMEOUT)
                .forAccess(new HostAccess(HostAccessKind.SSH, "postgres", SshServer.HOST, port, "postgres",
                        sshd.keyRef()));
        assertThrows(HostUnreachableException.class, () -> nowhere.run(List.of("true"), TIMEOUT));
    }
}
