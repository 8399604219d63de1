package io.drsuite.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP relay in front of one PostgreSQL server that delays every chunk by a fixed one-way latency, in order and
 * without limiting bandwidth, as a link to a cluster in another site does: a client's round trips cost twice the
 * latency while the client waits, not computes.
 */
final class WanLink implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private WanLink(ServerSocket server, int targetPort, Duration oneWay) {
        this.server = server;
        this.targetPort = targetPort;
        this.delayNanos = oneWay.toNanos();
        Thread.ofVirtual().name("wan-link-" + targetPort).start(this::accept);
    }

    static WanLink to(int targetPort, Duration oneWay) {
        try {
            return new WanLink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), targetPort, oneWay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                relay(client, target);
                relay(target, client);
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection end
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    /** One direction: a reader stamps each chunk with its due time, a writer delivers it then. */
    private void relay(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[65536];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, new byte[0]));
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    if (chunk.bytes().length == 0) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(WanLink::closeQuietly);
    }
}
