package io.drsuite.clusterclient.host;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;

/** One line of a libpq password file ({@code .pgpass}) with {@code :} and {@code \} escaped. */
public final class PassFile {

    private PassFile() {
    }

    public static String line(NodeEndpoint node, Login login) {
        return String.join(":", escape(node.host()), String.valueOf(node.port()), "*", escape(login.username()),
                escape(login.password())) + "\n";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }
}
