package io.drsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenSSH server (Debian's {@code /usr/sbin/sshd}, installed by {@code ./drsuite test} through
 * {@code drsuite_sshd_bin} in {@code deploy/local/lib.sh}) started by a test on a free loopback port. It admits only
 * the {@code postgres} OS user, by public key only, with a client key pair it generates; its own host key is
 * generated too and listed in a known-hosts file, so clients can check it strictly.
 *
 * <p>
 * Everything lives in one folder under {@link RepositoryRoot#testRunDir()} ({@code sshd-<random>}): configuration,
 * host key, pid file, log, {@code authorized_keys/<user>}, the client key store ({@link #keyDirectory()}) and the
 * known-hosts file. {@link #close()} stops the server and deletes the folder.
 *
 * <p>
 * sshd has to run as root to log users in, so the tests using it must run as root (as {@code ./drsuite test} does on
 * the build machine). It runs with {@code UsePAM yes}, as Debian's own sshd does: without PAM, sshd refuses every
 * account whose password is locked ({@code !} in {@code /etc/shadow}), and the {@code postgres} account Debian
 * creates is locked; key logins to it work only through PAM's account check, as on a real database host.
 */
public final class SshServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String USER = "postgres";

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd's privilege separation folder; it refuses to start without it. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final String KEY_REF = "drsuite-test-key";
    private static final int START_ATTEMPTS = 3;
    private static final long START_TIMEOUT_MS = 15_000;
    private static final List<SshServer> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SshServer::stopAll, "stop-test-sshd"));
    }

    private final Path folder;
    private final int port;
    private final Process process;

    private SshServer(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Generates keys and configuration, starts sshd and waits until it accepts connections. */
    public static SshServer start() {
        if (!Commands.isRoot()) {
            throw new IllegalStateException("SshServer needs root to run sshd (it logs in as " + USER + "); run the "
                    + "tests as root, e.g. with ./drsuite test");
        }
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install Debian's openssh-server (./drsuite test does, "
                    + "through drsuite_sshd_bin in deploy/local/lib.sh)");
        }
        Path folder = RepositoryRoot.testRunDir().resolve("sshd-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        try {
            createFolder(PRIVSEP_DIR);
            createFolder(folder);
            createFolder(folder.resolve("authorized_keys"));
            createFolder(folder.resolve("keys"));
            keygen(folder.resolve("ssh_host_ed25519_key"), "drsuite-test-host");
            keygen(folder.resolve("keys").resolve(KEY_REF), "drsuite-test-client");
            Path authorized = folder.resolve("authorized_keys").resolve(USER);
            Files.writeString(authorized, publicKey(folder.resolve("keys").resolve(KEY_REF)) + "\n");
            Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("cannot prepare sshd in " + folder, e);
        }
        // sshd reads authorized_keys as the logging-in user, so it must be able to reach the folder.
        try {
            Commands.run(Commands.asPostgresUser(List.of("test", "-r",
                    folder.resolve("authorized_keys").resolve(USER).toString())), Map.of(), Path.of("/"), 30);
        } catch (IllegalStateException e) {
            delete(folder);
            throw new IllegalStateException("user " + USER + " cannot read " + folder + "/authorized_keys: a parent "
                    + "folder is not traversable (needs o+x); set DRSUITE_TEST_RUN_DIR to a folder it can reach", e);
        }
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            try {
                SshServer server = launch(folder, port);
                synchronized (STARTED) {
                    STARTED.add(server);
                }
                return server;
            } catch (IllegalStateException e) {
                // most likely the port was taken between choosing and binding it: try another
                failure = e;
            }
        }
        delete(folder);
        throw failure;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The only user it admits. */
    public String user() {
        return USER;
    }

    /** The client key store: a folder holding the private key as a file named {@link #keyRef()}. */
    public Path keyDirectory() {
        return folder.resolve("keys");
    }

    /** File name of the client's private key in {@link #keyDirectory()} (an unencrypted OpenSSH ed25519 key). */
    public String keyRef() {
        return KEY_REF;
    }

    /** A known-hosts file listing this server's host key as {@code [127.0.0.1]:<port>}. */
    public Path knownHosts() {
        return folder.resolve("known_hosts");
    }

    /** This server's host public key line ({@code ssh-ed25519 AAAA... comment}). */
    public String hostPublicKey() {
        return publicKey(folder.resolve("ssh_host_ed25519_key"));
    }

    /**
     * A known-hosts file that lists another, freshly generated key for this server's address, as if the host had been
     * replaced by an impostor: a client checking host keys strictly must refuse to connect.
     */
    public Path knownHostsWithWrongKey() {
        Path otherKey = folder.resolve("other_host_key-" + UUID.randomUUID().toString().substring(0, 8));
        keygen(otherKey, "drsuite-test-impostor");
        Path file = folder.resolve(otherKey.getFileName() + ".known_hosts");
        write(file, knownHostsLine(publicKey(otherKey)));
        return file;
    }

    /** What sshd wrote so far (it logs to standard error with {@code -e}). */
    public String log() {
        try {
            return Files.readString(folder.resolve("sshd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops sshd (sessions still open end with their connections) and deletes its folder. */
    @Override
    public void close() {
        stop();
        synchronized (STARTED) {
            STARTED.remove(this);
        }
        delete(folder);
    }

    private static SshServer launch(Path folder, int port) {
        Path config = folder.resolve("sshd_config");
        write(config, String.join("\n",
                "# Written by io.drsuite.testing.SshServer for one test; deleted with it.",
                "Port " + port,
                "ListenAddress " + HOST,
                "HostKey " + folder.resolve("ssh_host_ed25519_key"),
                "PidFile " + folder.resolve("sshd.pid"),
                "AuthorizedKeysFile " + folder.resolve("authorized_keys") + "/%u",
                "StrictModes no",
                "UsePAM yes",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin no",
                "AllowUsers " + USER,
                "AllowTcpForwarding no",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "PermitTTY no",
                "PrintMotd no",
                "PrintLastLog no",
                "LogLevel VERBOSE", ""));
        Path log = folder.resolve("sshd.log");
        Process process;
        try {
            process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + SSHD, e);
        }
        SshServer server = new SshServer(folder, port, process);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + " on port " + port
                        + ":\n" + server.log());
            }
            if (acceptsConnections(port)) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                server.stop();
                throw new IllegalStateException("sshd did not listen on " + HOST + ":" + port + " within "
                        + START_TIMEOUT_MS / 1000 + " s:\n" + server.log());
            }
            sleep(50);
        }
        write(server.knownHosts(), server.knownHostsLine(server.hostPublicKey()));
        return server;
    }

    private String knownHostsLine(String publicKey) {
        return "[" + HOST + "]:" + port + " " + publicKey + "\n";
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void keygen(Path privateKey, String comment) {
        // Unencrypted OpenSSH-format ed25519 key: JSch (and OpenSSH) read it as it is.
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f",
                privateKey.toString()), Map.of(), null, 60);
    }

    private static String publicKey(Path privateKey) {
        try {
            return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a root-owned folder others may enter but not write (what sshd expects of its folders). */
    private static void createFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        Commands.run(List.of("rm", "-rf", "--", folder.toString()), Map.of(), null, 60);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sshd", e);
        }
    }

    private static void stopAll() {
        List<SshServer> running;
        synchronized (STARTED) {
            running = new ArrayList<>(STARTED);
        }
        running.forEach(SshServer::close);
    }

    @Override
    public String toString() {
        return "sshd@" + HOST + ":" + port;
    }
}
