package io.drsuite.system;

import io.drsuite.testing.FreePorts;
import io.drsuite.testing.PostgresInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Debian's HAProxy in front of a cluster's nodes on a loopback port, as a team would run it: TCP proxying to the one
 * node whose health check, monitor-service's {@code /primary} answer for that node, says 200. One configuration line
 * serves every node: the check's path names the server ({@code uri-lf ... %[srv_name]}), so servers are named as the
 * nodes are registered, and the cluster is named in the path (node names are unique within a cluster only).
 */
final class HaproxyFront implements AutoCloseable {

    /** How often HAProxy asks; one failed check marks a server down, one good one up. */
    static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    private final Path folder;
    private final int port;
    private final Process process;

    private HaproxyFront(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Proxies to {@code nodes}, each checked at {@code monitorBaseUrl}'s routing endpoint for its primary role. */
    static HaproxyFront primaryOf(String monitorHostPort, String cluster, List<PostgresInstance> nodes) {
        try {
            Path folder = Files.createTempDirectory("drsuite-haproxy-");
            int port = FreePorts.next();
            String[] monitor = monitorHostPort.split(":");
            StringBuilder config = new StringBuilder(String.join("\n",
                    "global",
                    "  log stdout format raw local0",
                    "defaults",
                    "  mode tcp",
                    "  log global",
                    "  timeout connect 1s",
                    "  timeout client 60s",
                    "  timeout server 60s",
                    "listen postgres_rw",
                    "  bind 127.0.0.1:" + port,
                    "  option httpchk",
                    "  http-check send meth GET uri-lf /api/v1/routing/clusters/" + cluster
                            + "/nodes/%[srv_name]/primary ver HTTP/1.1 hdr Host monitor",
                    "  http-check expect status 200",
                    "  default-server inter " + CHECK_INTERVAL.toMillis() + "ms fall 1 rise 1 "
                            + "on-marked-down shutdown-sessions",
                    ""));
            for (PostgresInstance node : nodes) {
                config.append(String.format(Locale.ROOT, "  server %s 127.0.0.1:%d check addr %s port %s%n",
                        node.name(), node.port(), monitor[0], monitor[1]));
            }
            Path file = folder.resolve("haproxy.cfg");
            Files.writeString(file, config);
            Process process = new ProcessBuilder("/usr/sbin/haproxy", "-f", file.toString(), "-db")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
            HaproxyFront front = new HaproxyFront(folder, port, process);
            front.awaitListening();
            front.awaitFirstChecks();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** What HAProxy logged (server state changes), for a failing test's message. */
    String log() {
        try {
            return Files.readString(folder.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("haproxy does not listen on " + port + ": " + log());
    }

    /** HAProxy 2.6 takes every server as up until its first check: no client may connect before the checks ran. */
    private void awaitFirstChecks() {
        try {
            Thread.sleep(CHECK_INTERVAL.multipliedBy(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
