package io.drsuite.console.pages.cluster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How clients reach a cluster's nodes: monitor-service's health checks per node with their answer now, the DNS name
 * switchovers and failovers point at the new primary (with its last update, read from the last operation's task),
 * and the webhooks called on role changes with their last call.
 *
 * @param dns null when none is set
 * @param lastDnsUpdate null when the last operation pointed no DNS name
 */
public record ClusterRouting(List<RoutingCheck> checks, Dns dns, LastDnsUpdate lastDnsUpdate,
        List<Webhook> webhooks, Instant updatedAt) {

    /** The DNS name that follows the primary; its TSIG key only as whether one is set. */
    public record Dns(String name, String zone, String server, int port, int ttl, String keyName, String algorithm,
            boolean secretSet) {
    }

    /** The records the last operation pointed: {@code name -> address}, and when. */
    public record LastDnsUpdate(UUID taskId, String type, List<String> records, Instant at) {
    }

    /** A webhook and its newest call (null when it was never called). */
    public record Webhook(String url, boolean secretSet, Delivery lastDelivery) {
    }

    /** One call of a webhook: its state (pending, delivered, failed), attempts and last answer. */
    public record Delivery(long id, String state, int attempts, Integer lastStatus, String lastError,
            Instant createdAt, Instant deliveredAt, String oldPrimary, String newPrimary) {
    }
}
