package io.drsuite.relationship.service;

import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.relationship.SyncMode;
import io.drsuite.events.task.DrTasks;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipCluster;
import java.util.Optional;
import java.util.UUID;

/**
 * A cluster that may start an operation inside it now, locked (and its relationship's row with it) until the
 * transaction ends; or the 404 or 409 that says why not. The rules are those of DR operations: one operation per
 * cluster at a time, none while its relationship runs one, and none on the DR side of a relationship, whose nodes
 * follow production.
 *
 * @param relationship the relationship the cluster is the production side of, or null
 */
record ClusterAdmission(Cluster cluster, Relationship relationship) {

    static ClusterAdmission of(String clusterName) {
        return admit(Cluster.findByNameForUpdate(clusterName).orElseThrow(() ->
                ProblemException.notFound("cluster", "no cluster named '" + clusterName + "'")));
    }

    static ClusterAdmission of(UUID clusterId) {
        return admit(Cluster.findForUpdate(clusterId).orElseThrow(() ->
                ProblemException.notFound("cluster", "no cluster " + clusterId)));
    }

    private static ClusterAdmission admit(Cluster cluster) {
        if (cluster.hasOperationRunning()) {
            throw ProblemException.conflict("operation-in-progress", "cluster '" + cluster.name + "' is running task "
                    + cluster.operationTaskId + " (" + cluster.operationType + "); one operation at a time");
        }
        // Locked after the cluster: a relationship operation locks the relationship and then reads the clusters, so
        // the two are decided one after the other.
        Relationship relationship = RelationshipCluster.of(cluster.name)
                .flatMap(member -> Relationship.findForUpdate(member.relationshipId)).orElse(null);
        if (relationship == null) {
            return new ClusterAdmission(cluster, null);
        }
        if (relationship.hasTaskInFlight()) {
            throw ProblemException.conflict("relationship-operation-in-progress", "cluster '" + cluster.name
                    + "' is in DR relationship '" + relationship.name + "', which is running task "
                    + relationship.currentTaskId + " (" + relationship.currentTaskType + "); one operation at a time");
        }
        if (cluster.name.equals(relationship.drCluster)) {
            throw ProblemException.conflict("cluster-is-dr-side", "cluster '" + cluster.name + "' is the DR side of "
                    + "relationship '" + relationship.name + "': its nodes follow production; use the "
                    + "relationship's operations");
        }
        return new ClusterAdmission(cluster, relationship);
    }

    /** The DR side streams from this cluster's primary: a task that moves the primary must re-point it. */
    boolean carriesDr() {
        return relationship != null && relationship.phase.isReplicating();
    }

    /** The DR main standby's application name when the relationship is synchronous and replicating. */
    Optional<String> drSynchronousStandby() {
        return carriesDr() && relationship.syncMode == SyncMode.SYNC
                ? Optional.of(DrTasks.slotName(relationship.name)) : Optional.empty();
    }

    /** A node of the cluster named in the path: 404 when there is none. */
    ClusterNodeEntity node(String nodeName) {
        return cluster.node(nodeName).orElseThrow(() -> ProblemException.notFound("node", "cluster '"
                + cluster.name + "' has no node '" + nodeName + "'"));
    }

    /** A node of the cluster named in the body: 422 when there is none. */
    ClusterNodeEntity member(String nodeName, String field) {
        return cluster.node(nodeName).orElseThrow(() -> ProblemException.unprocessable("unknown-node",
                "Unknown node", field + ": cluster '" + cluster.name + "' has no node '" + nodeName + "'"));
    }

    /** A standby of the cluster named in the body: 422 when it is no node of the cluster, or the primary. */
    ClusterNodeEntity standby(String nodeName, String field) {
        ClusterNodeEntity node = member(nodeName, field);
        if (node.role == NodeRole.PRIMARY) {
            throw ProblemException.unprocessable("node-is-primary", "Node is the primary", field + ": node '"
                    + nodeName + "' is the primary of cluster '" + cluster.name + "'; name one of its standbys");
        }
        return node;
    }

    /** A switchover or failover needs a standby to promote. */
    void requireStandbys() {
        if (cluster.nodes.stream().noneMatch(node -> node.role == NodeRole.STANDBY)) {
            throw ProblemException.unprocessable("no-standby", "No standby", "cluster '" + cluster.name
                    + "' has no standby to promote");
        }
    }
}
