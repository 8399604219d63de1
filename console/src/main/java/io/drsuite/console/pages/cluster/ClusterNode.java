package io.drsuite.console.pages.cluster;

import java.time.Instant;

/**
 * One node of a cluster: as registered (role, address) and as monitor-service's latest poll found it.
 *
 * @param reachable null when monitor-service has not polled it yet
 * @param lagBytes on a standby: WAL the primary wrote that the standby has not replayed yet; null when unknown
 * @param replayLagSeconds on a standby: the primary's measure of the time until a commit is replayed there
 * @param syncState on a standby: whether the primary's commits wait for it (async, potential, sync, quorum)
 * @param walReceiver on a standby: whether it streams from its upstream
 */
public record ClusterNode(String name, String host, int port, String role, String accessKind, Boolean reachable,
        String error, Long lagBytes, Double replayLagSeconds, String syncState, String walReceiver,
        Instant sampledAt) {

    public String address() {
        return host + ":" + port;
    }

    public boolean primary() {
        return "primary".equals(role);
    }

    /** A short label for sentences: {@code prod-1 (10.0.0.11:5432)}. */
    public String label() {
        return name + " (" + address() + ")";
    }
}
