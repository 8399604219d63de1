package io.drsuite.task.pitr;

import io.drsuite.task.dr.NodeControl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Where a restore creates a new node must be free: it never takes over a data directory or a port in use. */
public final class NewNodePlace {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private NewNodePlace() {
    }

    public static void requireFree(NodeControl node) {
        String data = node.node().dataDirectory();
        if (node.files().exists(data)) {
            throw new IllegalStateException(data + " exists on " + node.node() + "; a new node's data directory "
                    + "must not exist (the restore creates it, and never replaces what it did not make)");
        }
        if (listening(node.node().host(), node.node().endpoint().port())) {
            throw new IllegalStateException("something listens on " + node.node() + "; a new node needs a free "
                    + "port");
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
