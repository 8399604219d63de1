package io.drsuite.relationship.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * What a webhook is told of a role change: the body of the call, without the {@code deliveryId} the relay adds.
 *
 * @param event always {@value #EVENT}
 * @param relationship the relationship's name, or null for a cluster in none
 * @param cluster the cluster whose node is primary now
 * @param oldPrimary the node that was primary before
 * @param newPrimary the node that is primary now
 * @param newPrimaryHost its host, as registered (null when the node is not registered here)
 * @param newPrimaryPort its PostgreSQL port (null likewise)
 * @param taskId the task that moved the primary
 * @param operation the task type, e.g. {@code dr.switchover} or {@code cluster.failover}
 * @param at when the suite saw the change
 */
public record RoleChangedCall(String event, String relationship, String cluster, String oldPrimary,
        String newPrimary, String newPrimaryHost, Integer newPrimaryPort, UUID taskId, String operation,
        Instant at) {

    public static final String EVENT = "role-changed";
}
