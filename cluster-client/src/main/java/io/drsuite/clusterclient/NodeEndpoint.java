package io.drsuite.clusterclient;

import java.util.Objects;

/**
 * Where a PostgreSQL server listens.
 *
 * @param name the node's name in its cluster
 */
public record NodeEndpoint(String name, String host, int port) {

    public NodeEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return name + " (" + host + ":" + port + ")";
    }
}
