package io.drsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on one port of 127.0.0.1 and 127.0.0.2 that only counts who connects: the address a hostile name
 * (a database named {@code x?PGPORT=<port>}) tries to send the suite's connection to. A test passes when nothing came.
 */
public final class TrapListener implements AutoCloseable {

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    public TrapListener() {
        try {
            ServerSocket first = listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            listen(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), first.getLocalPort()));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return sockets.getFirst().getLocalPort();
    }

    /** How many connections arrived so far. */
    public int connections() {
        return accepted.get();
    }

    /**
     * A database name made to redirect a connection string built by concatenation to this listener, with every
     * character that has a meaning in a JDBC URL or a libpq conninfo: {@code ? & = /}, both quotes and spaces.
     */
    public String hostileDatabaseName() {
        return "x?PGPORT=" + port() + "&PGHOST=127.0.0.2&host=127.0.0.2 'a\" b/c";
    }

    private ServerSocket listen(InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(address);
        sockets.add(socket);
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket ignored = socket.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return socket;
    }

    @Override
    public void close() {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a listener that is going away anyway
            }
        }
    }
}
