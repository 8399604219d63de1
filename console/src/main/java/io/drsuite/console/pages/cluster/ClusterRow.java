package io.drsuite.console.pages.cluster;

import java.util.UUID;

/**
 * A registered cluster as the clusters list shows it.
 *
 * @param primaryNode the node registered as primary, or null
 * @param relationship the DR relationship holding the cluster, or null
 * @param operationType the operation running inside it, or null
 */
public record ClusterRow(String name, String serverVersion, int nodes, String primaryNode,
        RelationshipRef relationship, String operationType, UUID operationTaskId) {
}
