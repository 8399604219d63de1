package io.drsuite.system;

import io.drsuite.testing.LocalInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the control-plane database for one service instance, which the test can cut: while cut,
 * every byte in either direction is held back (a black hole, as a network partition looks to both ends: no error,
 * no answer) and new connections are accepted but get no answer either. Healing lets the held bytes through.
 */
final class ControlPlaneProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean cut;

    private ControlPlaneProxy(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("control-plane-proxy").start(this::accept);
    }

    static ControlPlaneProxy start() {
        try {
            return new ControlPlaneProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The control-plane JDBC URL through this relay. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/" + LocalInfrastructure.DB_NAME;
    }

    void cut() {
        synchronized (gate) {
            cut = true;
        }
    }

    void heal() {
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(InetAddress.getLoopbackAddress(), LocalInfrastructure.DB_PORT);
                sockets.add(client);
                sockets.add(database);
                Thread.ofVirtual().start(() -> relay(client, database));
                Thread.ofVirtual().start(() -> relay(database, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitHealed();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed; the other follows
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitHealed() throws InterruptedException {
        synchronized (gate) {
            while (cut) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        heal();
        closeQuietly(server);
        sockets.forEach(ControlPlaneProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
