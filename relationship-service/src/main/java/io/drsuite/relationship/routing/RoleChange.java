package io.drsuite.relationship.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * The primary moved: inside a cluster (a node switchover or failover) or between the clusters of a relationship (a
 * DR switchover or failover). What webhooks announce.
 *
 * @param relationship the relationship's name, or null for a cluster in none
 * @param cluster the cluster whose node is primary now
 * @param oldPrimary the node that was primary before (of the same or the other cluster)
 * @param newPrimary the node that is primary now
 * @param operation the task type, e.g. {@code cluster.switchover}
 */
public record RoleChange(String relationship, String cluster, String oldPrimary, String newPrimary, UUID taskId,
        String operation, Instant at) {
}
